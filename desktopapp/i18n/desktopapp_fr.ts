<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New Timeline…</source>
        <translation>&amp;Nouvelle chronologie…</translation>
    </message>
    <message>
        <source>Create an empty timeline file</source>
        <translation>Créer un fichier de chronologie vide</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>&amp;Ouvrir une base de données…</translation>
    </message>
    <message>
        <source>Open another timeline database</source>
        <translation>Ouvrir une autre base de données de chronologie</translation>
    </message>
    <message>
        <source>Open &amp;Server Timeline…</source>
        <translation>Ouvrir une chronologie sur un &amp;serveur…</translation>
    </message>
    <message>
        <source>Open a team&apos;s timeline on a PostgreSQL server</source>
        <translation>Ouvrir la chronologie d’une équipe sur un serveur PostgreSQL</translation>
    </message>
    <message>
        <source>Save a &amp;Copy As…</source>
        <translation>Enregistrer une &amp;copie sous…</translation>
    </message>
    <message>
        <source>Write a consistent copy of this timeline to another file</source>
        <translation>Écrire une copie cohérente de cette chronologie dans un autre fichier</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>Bring in another tool&apos;s timeline: TimelineJS JSON, or its spreadsheet saved as CSV</source>
        <translation>Importer la chronologie d’un autre outil&#x202f;: JSON de TimelineJS, ou son tableur enregistré en CSV</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation>Annuler la dernière modification</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Redo the last undone edit</source>
        <translation>Rétablir la dernière modification annulée</translation>
    </message>
    <message>
        <source>New &amp;Event from Selection…</source>
        <translation>Nouvel &amp;événement à partir de la sélection…</translation>
    </message>
    <message>
        <source>Create an event whose first quote is the passage selected in the article</source>
        <translation>Créer un événement dont la première citation est le passage sélectionné dans l’article</translation>
    </message>
    <message>
        <source>Add &amp;Quote to Event</source>
        <translation>Ajouter une &amp;citation à l’événement</translation>
    </message>
    <message>
        <source>Quote the passage selected in the article for the selected event</source>
        <translation>Citer le passage sélectionné dans l’article pour l’événement sélectionné</translation>
    </message>
    <message>
        <source>Ed&amp;it Event…</source>
        <translation>&amp;Modifier l’événement…</translation>
    </message>
    <message>
        <source>Change the selected event&apos;s title, type, actors or date</source>
        <translation>Modifier le titre, le type, les acteurs ou la date de l’événement sélectionné</translation>
    </message>
    <message>
        <source>&amp;Delete Event…</source>
        <translation>&amp;Supprimer l’événement…</translation>
    </message>
    <message>
        <source>Delete the selected event</source>
        <translation>Supprimer l’événement sélectionné</translation>
    </message>
    <message>
        <source>Add &amp;Source…</source>
        <translation>Ajouter une s&amp;ource…</translation>
    </message>
    <message>
        <source>Add an article from a text file, a saved web page or a PDF</source>
        <translation>Ajouter un article depuis un fichier texte, une page web enregistrée ou un PDF</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Quit the application</source>
        <translation>Quitter l’application</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>Rec&amp;hercher…</translation>
    </message>
    <message>
        <source>Search titles, summaries, quotes and actors</source>
        <translation>Rechercher dans les titres, les résumés, les citations et les acteurs</translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation>E&amp;ffacer les filtres</translation>
    </message>
    <message>
        <source>Show every event again</source>
        <translation>Afficher de nouveau tous les événements</translation>
    </message>
    <message>
        <source>&amp;Actor</source>
        <translation>&amp;Acteur</translation>
    </message>
    <message>
        <source>Group the timeline into one lane per acting actor</source>
        <translation>Répartir la chronologie en une piste par acteur à l’origine de l’événement</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>Group the timeline into one lane per event type</source>
        <translation>Répartir la chronologie en une piste par type d’événement</translation>
    </message>
    <message>
        <source>&amp;None</source>
        <translation>Auc&amp;un</translation>
    </message>
    <message>
        <source>Show all events in one timeline lane</source>
        <translation>Afficher tous les événements sur une seule piste</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom a&amp;vant</translation>
    </message>
    <message>
        <source>Zoom in on the timeline</source>
        <translation>Agrandir la chronologie</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom arri&amp;ère</translation>
    </message>
    <message>
        <source>Zoom out of the timeline</source>
        <translation>Réduire la chronologie</translation>
    </message>
    <message>
        <source>&amp;Fit All</source>
        <translation>&amp;Tout afficher</translation>
    </message>
    <message>
        <source>Show the whole timeline</source>
        <translation>Afficher toute la chronologie</translation>
    </message>
    <message>
        <source>&amp;Go to Selection</source>
        <translation>Aller à la &amp;sélection</translation>
    </message>
    <message>
        <source>Scroll the timeline and the list to the selected event</source>
        <translation>Faire défiler la chronologie et la liste jusqu’à l’événement sélectionné</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>Light colours</source>
        <translation>Couleurs claires</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Sombre</translation>
    </message>
    <message>
        <source>Dark colours</source>
        <translation>Couleurs sombres</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>Suivre le s&amp;ystème</translation>
    </message>
    <message>
        <source>The desktop&apos;s colours, light or dark</source>
        <translation>Les couleurs du bureau, claires ou sombres</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Your name, recorded in the history of every edit</source>
        <translation>Votre nom, inscrit dans l’historique de chaque modification</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Every command&apos;s keys</source>
        <translation>Les touches de chaque commande</translation>
    </message>
    <message>
        <source>What the &amp;Marks Mean</source>
        <translation>Signification des &amp;marques</translation>
    </message>
    <message>
        <source>How the timeline draws precise, vague and uncertain dates</source>
        <translation>Comment la chronologie dessine les dates précises, vagues et incertaines</translation>
    </message>
    <message>
        <source>&amp;About desktopapp</source>
        <translation>À &amp;propos de desktopapp</translation>
    </message>
    <message>
        <source>About this application and its data</source>
        <translation>À propos de cette application et de ses données</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Opening {name}…</source>
        <translation>Ouverture de {name}…</translation>
    </message>
    <message>
        <source>Opening the sample timeline…</source>
        <translation>Ouverture de la chronologie d’exemple…</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>un fichier</translation>
    </message>
    <message>
        <source>The timeline cannot be opened.</source>
        <translation>Impossible d’ouvrir la chronologie.</translation>
    </message>
    <message>
        <source>Something went wrong inside desktopapp.</source>
        <translation>Une erreur interne est survenue dans desktopapp.</translation>
    </message>
    <message>
        <source>{reason}

The details were written to the error output. You can go on working; if something looks wrong, reopen the database.</source>
        <translation>{reason}

Le détail a été écrit sur la sortie d’erreur. Vous pouvez continuer à travailler&#x202f;; si quelque chose vous semble anormal, rouvrez la base de données.</translation>
    </message>
</context>
<context>
    <name>ChangeWatch</name>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Another window or program changed this timeline: it is shown as it is now (your earlier edits can no longer be undone)</source>
        <translation>Une autre fenêtre ou un autre programme a modifié cette chronologie&#x202f;: elle est affichée telle qu’elle est maintenant (vos modifications précédentes ne peuvent plus être annulées)</translation>
    </message>
    <message>
        <source>Connected again: the timeline is up to date</source>
        <translation>Connexion rétablie&#x202f;: la chronologie est à jour</translation>
    </message>
    <message>
        <source>What is shown stays as it was; the window reconnects by itself.</source>
        <translation>L’affichage reste tel quel&#x202f;; la fenêtre se reconnecte d’elle-même.</translation>
    </message>
    <message>
        <source>⚠ Connection to the server lost at {time}: reconnecting; editing is off</source>
        <translation>⚠ Connexion au serveur perdue à {time}&#x202f;: reconnexion en cours&#x202f;; modification impossible</translation>
    </message>
    <message>
        <source>⚠ Connection to the timeline lost at {time}: reconnecting; editing is off</source>
        <translation>⚠ Connexion à la chronologie perdue à {time}&#x202f;: reconnexion en cours&#x202f;; modification impossible</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Next / previous pane</source>
        <translation>Volet suivant / précédent</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Maj+Tab</translation>
    </message>
    <message>
        <source>Move within a pane (rows, lists, text)</source>
        <translation>Se déplacer dans un volet (lignes, listes, texte)</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Touches fléchées</translation>
    </message>
    <message>
        <source>Timeline: pan</source>
        <translation>Chronologie&#x202f;: faire défiler</translation>
    </message>
    <message>
        <source>Left, Right (Shift: farther)</source>
        <translation>Gauche, Droite (Maj&#x202f;: plus loin)</translation>
    </message>
    <message>
        <source>Timeline: fit everything</source>
        <translation>Chronologie&#x202f;: tout afficher</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>A hollow mark with !</source>
        <translation>Une marque creuse avec «&#x202f;!&#x202f;»</translation>
    </message>
    <message>
        <source>A dashed mark with ?</source>
        <translation>Une marque en pointillés avec «&#x202f;?&#x202f;»</translation>
    </message>
    <message>
        <source>A fading mark with ~</source>
        <translation>Une marque estompée avec «&#x202f;~&#x202f;»</translation>
    </message>
    <message>
        <source>A dot</source>
        <translation>Un point</translation>
    </message>
    <message>
        <source>A bracketed band</source>
        <translation>Une bande entre crochets</translation>
    </message>
    <message>
        <source>A hatched box</source>
        <translation>Un rectangle hachuré</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Every command with a shortcut, as the menus have them. The shortcuts work wherever the focus is, the search box included.</source>
        <translation>Chaque commande qui a un raccourci, comme dans les menus. Les raccourcis fonctionnent où que soit le curseur, y compris dans la zone de recherche.</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>What the Marks Mean</source>
        <translation>Signification des marques</translation>
    </message>
    <message>
        <source>A mark&apos;s shape says how precisely its date is known; its colour says the event&apos;s type (named in the legend and the tooltips too). Only an exact day is drawn as a single point.</source>
        <translation>La forme d’une marque dit avec quelle précision sa date est connue&#x202f;; sa couleur dit le type de l’événement (nommé aussi dans la légende et les infobulles). Seul un jour exact est dessiné comme un point.</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Marque</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Signification</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>News Timeline</source>
        <translation>Chronologie de l’actualité</translation>
    </message>
    <message>
        <source>Opened {location}</source>
        <translation>Ouvert&#x202f;: {location}</translation>
    </message>
    <message>
        <source>The database could not be opened</source>
        <translation>La base de données n’a pas pu être ouverte</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Group By</source>
        <translation>&amp;Regrouper par</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>T&amp;hème</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>Show the window in this language</source>
        <translation>Afficher la fenêtre dans cette langue</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Regrouper par</translation>
    </message>
    <message>
        <source>Group by {grouping}</source>
        <translation>Regrouper par {grouping}</translation>
    </message>
    <message>
        <source>Events shown</source>
        <translation>Événements affichés</translation>
    </message>
    <message>
        <source>Copy Citation</source>
        <translation>Copier la référence</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Décompte…</translation>
    </message>
    <message>
        <source>{reason}. The counts beside the filters are old</source>
        <translation>{reason}. Les nombres à côté des filtres ne sont plus à jour</translation>
    </message>
    <message>
        <source>Events not counted</source>
        <translation>Événements non comptés</translation>
    </message>
    <message>
        <source>{reason}. The list still shows the previous filter&apos;s events</source>
        <translation>{reason}. La liste montre encore les événements du filtre précédent</translation>
    </message>
    <message>
        <source>Database error: {reason}</source>
        <translation>Erreur de base de données&#x202f;: {reason}</translation>
    </message>
    <message>
        <source>Open Timeline Database</source>
        <translation>Ouvrir une base de données de chronologie</translation>
    </message>
    <message>
        <source>Timeline databases ({patterns});;All files (*)</source>
        <translation>Bases de données de chronologie ({patterns});;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>About desktopapp</source>
        <translation>À propos de desktopapp</translation>
    </message>
    <message>
        <source>(no source article)</source>
        <translation>(pas d’article source)</translation>
    </message>
    <message>
        <source>A timeline of the events one news article reports, each checkable against the article&apos;s own words.

Data: {source}

Dates: the article rarely dates what it reports, so each event&apos;s date was looked up in a cited source (the article itself or a named news report, shown with the sentence that dates it). Its precision is kept as found: a day, a month, a span of days, or a date marked approximate (~) or uncertain (?). Only an exact day is drawn as a single point.

{count}</source>
        <translation>La chronologie des événements que rapporte un article de presse, chacun vérifiable dans les mots mêmes de l’article.

Données&#x202f;: {source}

Dates&#x202f;: l’article date rarement ce qu’il rapporte&#x202f;; la date de chaque événement a donc été cherchée dans une source citée (l’article lui-même ou un article de presse nommé, affiché avec la phrase qui le date). Sa précision est celle de la source&#x202f;: un jour, un mois, une période de quelques jours, ou une date approximative (~) ou incertaine (?). Seul un jour exact est dessiné comme un point.

{count}</translation>
    </message>
    <message>
        <source>The database could not be upgraded</source>
        <translation>La base de données n’a pas pu être mise à niveau</translation>
    </message>
    <message>
        <source>The current database stays open.</source>
        <translation>La base de données actuelle reste ouverte.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans&#x202f;:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type&#x202f;:</translation>
    </message>
</context>
</TS>
