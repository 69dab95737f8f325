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
    <name>ActorKind</name>
    <message>
        <source>company</source>
        <translation>entreprise</translation>
    </message>
    <message>
        <source>government</source>
        <translation>gouvernement</translation>
    </message>
    <message>
        <source>institution</source>
        <translation>institution</translation>
    </message>
    <message>
        <source>media</source>
        <translation>média</translation>
    </message>
    <message>
        <source>market</source>
        <translation>marché</translation>
    </message>
    <message>
        <source>person</source>
        <translation>personne</translation>
    </message>
    <message>
        <source>group</source>
        <translation>groupe</translation>
    </message>
    <message>
        <source>unknown kind</source>
        <translation>nature inconnue</translation>
    </message>
</context>
<context>
    <name>ActorListModel</name>
    <message>
        <source>{name} ({kind}; also called {aliases}): {events}</source>
        <translation>{name} ({kind}, alias {aliases})&#x202f;: {events}</translation>
    </message>
    <message>
        <source>{name} ({kind}): {events}</source>
        <translation>{name} ({kind})&#x202f;: {events}</translation>
    </message>
</context>
<context>
    <name>ActorListView</name>
    <message>
        <source>No actor matches {typed}</source>
        <translation>Aucun acteur ne correspond à {typed}</translation>
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
    <name>ArticlePane</name>
    <message>
        <source>Source of the article</source>
        <translation>Source de l’article</translation>
    </message>
    <message>
        <source>Source shown</source>
        <translation>Source affichée</translation>
    </message>
    <message>
        <source>Article text</source>
        <translation>Texte de l’article</translation>
    </message>
    <message>
        <source>This database has no source article.</source>
        <translation>Cette base de données ne contient aucun article source.</translation>
    </message>
    <message>
        <source>Source: {citation}</source>
        <translation>Source&#x202f;: {citation}</translation>
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
    <name>DateField</name>
    <message>
        <source>{day}, {iso} or {month}</source>
        <translation>{day}, {iso} ou {month}</translation>
    </message>
    <message>
        <source>Numbers alone are read month first: 03/01/2022 is {date}.</source>
        <translation>En chiffres seuls, le mois vient en premier&#x202f;: 03/01/2022 est le {date}.</translation>
    </message>
    <message>
        <source>Type a date ({examples}) and press Enter or Tab, or pick one from the calendar (Alt+Down).</source>
        <translation>Tapez une date ({examples}) puis Entrée ou Tab, ou choisissez-la dans le calendrier (Alt+Bas).</translation>
    </message>
    <message>
        <source>A month or a year means its last day.</source>
        <translation>Un mois ou une année désigne son dernier jour.</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>Choisir une date</translation>
    </message>
    <message>
        <source>Pick a date from a calendar (Alt+Down)</source>
        <translation>Choisir une date dans un calendrier (Alt+Bas)</translation>
    </message>
    <message>
        <source>{typed} is not a date I can read (try {examples}); still {date}</source>
        <translation>{typed} n’est pas une date lisible (essayez {examples})&#x202f;; la date reste le {date}</translation>
    </message>
    <message>
        <source>Type a date ({examples}); still {date}</source>
        <translation>Tapez une date ({examples})&#x202f;; la date reste le {date}</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Event details</source>
        <translation>Détails de l’événement</translation>
    </message>
    <message>
        <source>Select an event on the timeline or in the list to see its date, its sources and the article&apos;s own words.</source>
        <translation>Sélectionnez un événement sur la chronologie ou dans la liste pour voir sa date, ses sources et les mots mêmes de l’article.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>(the timeline spans {start} – {end})</source>
        <translation>(la chronologie le représente du {start} au {end})</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Acting:</source>
        <translation>À l’initiative&#x202f;:</translation>
    </message>
    <message>
        <source>Affected:</source>
        <translation>Concernés&#x202f;:</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>In the source&apos;s words</source>
        <translation>Dans les mots de la source</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Liens</translation>
    </message>
    <message>
        <source>Translation, not the source&apos;s words:</source>
        <translation>Traduction, et non les mots de la source&#x202f;:</translation>
    </message>
    <message>
        <source>Title and summary translated; the event&apos;s own words are in {language}.</source>
        <translation>Titre et résumé traduits&#x202f;; leur version d’origine est en {language}.</translation>
    </message>
    <message>
        <source>Title and summary translated from the event&apos;s own words.</source>
        <translation>Titre et résumé traduits de la version d’origine de l’événement.</translation>
    </message>
    <message>
        <source>Edit › {action}</source>
        <translation>Édition › {action}</translation>
    </message>
    <message>
        <source>Edit › Add Quote to Event</source>
        <translation>Édition › Ajouter une citation à l’événement</translation>
    </message>
    <message>
        <source>To add a quote, select a passage in a source, then {how}.</source>
        <translation>Pour ajouter une citation, sélectionnez un passage d’une source, puis {how}.</translation>
    </message>
    <message>
        <source>the source itself, {title}</source>
        <translation>la source elle-même, {title}</translation>
    </message>
    <message>
        <source>Dated from {source}</source>
        <translation>Date donnée par {source}</translation>
    </message>
    <message>
        <source>: {details}</source>
        <translation>&#x202f;: {details}</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note&#x202f;:</translation>
    </message>
    <message>
        <source>The imported file&apos;s words: no source&apos;s text backs them.</source>
        <translation>Les mots du fichier importé&#x202f;: aucun texte de source ne les appuie.</translation>
    </message>
    <message>
        <source>(not a web address: not linked)</source>
        <translation>(pas une adresse web&#x202f;: sans lien)</translation>
    </message>
    <message>
        <source>{link}:</source>
        <translation>{link}&#x202f;:</translation>
    </message>
    <message>
        <source>⚠ Damaged in this file</source>
        <translation>⚠ Endommagé dans ce fichier</translation>
    </message>
    <message>
        <source>({command} lists every damaged row):</source>
        <translation>({command} liste toutes les lignes endommagées)&#x202f;:</translation>
    </message>
    <message>
        <source>published {date}</source>
        <translation>publication&#x202f;: {date}</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Actors</source>
        <translation>Acteurs</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Sort by date</source>
        <translation>Trier par date</translation>
    </message>
    <message>
        <source>Sort by actors</source>
        <translation>Trier par acteurs</translation>
    </message>
    <message>
        <source>Sort by type</source>
        <translation>Trier par type</translation>
    </message>
    <message>
        <source>Sort by title</source>
        <translation>Trier par titre</translation>
    </message>
    <message>
        <source>~ {date}</source>
        <translation>vers {date}</translation>
    </message>
    <message>
        <source>{date} ?</source>
        <translation>{date}&#x202f;?</translation>
    </message>
</context>
<context>
    <name>EventTableView</name>
    <message>
        <source>Event list</source>
        <translation>Liste des événements</translation>
    </message>
    <message>
        <source>The events that match the filters; Enter or click to show one</source>
        <translation>Les événements qui correspondent aux filtres&#x202f;; Entrée ou un clic pour en afficher un</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Show every event again</source>
        <translation>Afficher de nouveau tous les événements</translation>
    </message>
    <message>
        <source>This database has no events.</source>
        <translation>Cette base de données ne contient aucun événement.</translation>
    </message>
    <message>
        <source>The filter from your last session matches no event: {filter}.</source>
        <translation>Le filtre de votre dernière session ne correspond à aucun événement&#x202f;: {filter}.</translation>
    </message>
    <message>
        <source>No events match the filters.</source>
        <translation>Aucun événement ne correspond aux filtres.</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Filters</source>
        <translation>Filtres</translation>
    </message>
    <message>
        <source>Search events, quotes, actors…</source>
        <translation>Rechercher événements, citations…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Events shown</source>
        <translation>Événements affichés</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Show every event again</source>
        <translation>Afficher de nouveau tous les événements</translation>
    </message>
    <message>
        <source>Find an actor…</source>
        <translation>Trouver un acteur…</translation>
    </message>
    <message>
        <source>Find an actor</source>
        <translation>Trouver un acteur</translation>
    </message>
    <message>
        <source>Actors</source>
        <translation>Acteurs</translation>
    </message>
    <message>
        <source>Event types</source>
        <translation>Types d’événements</translation>
    </message>
    <message>
        <source>&amp;Edit actor…</source>
        <translation>&amp;Modifier l’acteur…</translation>
    </message>
    <message>
        <source>&amp;Edit type…</source>
        <translation>&amp;Modifier le type…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Limit start date</source>
        <translation>Limiter la date de début</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Limit end date</source>
        <translation>Limiter la date de fin</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Date problem</source>
        <translation>Problème de date</translation>
    </message>
    <message>
        <source>Events whose (possibly uncertain) dates reach into the range</source>
        <translation>Les événements dont la date, même incertaine, touche cette période</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>From: {problem}</source>
        <translation>Début&#x202f;: {problem}</translation>
    </message>
    <message>
        <source>To: {problem}</source>
        <translation>Fin&#x202f;: {problem}</translation>
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
    <name>HistoryDialog</name>
    <message>
        <source>History of this timeline</source>
        <translation>Historique de cette chronologie</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>Ancien → nouveau</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <extracomment>An LDML pattern (Unicode date fields): how the history writes a moment in this language; French readers expect the day first (&quot;01/03/2022 14:05&quot;).</extracomment>
        <translation>dd/MM/y HH:mm</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(supprimé)</translation>
    </message>
    <message>
        <source>{field}: {values}</source>
        <translation>{field}&#x202f;: {values}</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>No changes recorded yet.</source>
        <translation>Aucune modification enregistrée pour l’instant.</translation>
    </message>
</context>
<context>
    <name>LegendPopup</name>
    <message>
        <source>Timeline legend (popup)</source>
        <translation>Légende de la chronologie (fenêtre)</translation>
    </message>
    <message>
        <source>Timeline legend popup</source>
        <translation>Fenêtre de la légende de la chronologie</translation>
    </message>
</context>
<context>
    <name>LegendStrip</name>
    <message>
        <source>Timeline legend</source>
        <translation>Légende de la chronologie</translation>
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
    <name>NoteStrip</name>
    <message>
        <source>Timeline note</source>
        <translation>Note de la chronologie</translation>
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
<context>
    <name>SourcePassage</name>
    <message>
        <source>Paste the source&apos;s {what}</source>
        <translation>À coller mot pour mot depuis la source&#x202f;: {what}</translation>
    </message>
    <message>
        <source>which occurrence?</source>
        <translation>quelle occurrence&#x202f;?</translation>
    </message>
    <message>
        <source>occurrence </source>
        <translation>occurrence </translation>
    </message>
    <message>
        <source>Sou&amp;rce:</source>
        <translation>Sou&amp;rce&#x202f;:</translation>
    </message>
    <message>
        <source>Se&amp;ntence:</source>
        <translation>Phra&amp;se&#x202f;:</translation>
    </message>
    <message>
        <source>the timeline has no source yet: add one first</source>
        <translation>la chronologie n’a pas encore de source&#x202f;: ajoutez-en une d’abord</translation>
    </message>
    <message>
        <source>paste the source&apos;s {what}</source>
        <translation>collez depuis la source&#x202f;: {what}</translation>
    </message>
    <message>
        <source>this is not in {title} as written (paste it verbatim)</source>
        <translation>ce texte ne figure pas tel quel dans {title} (collez-le mot pour mot)</translation>
    </message>
    <message>
        <source>characters {start}–{end}</source>
        <translation>caractères {start} à {end}</translation>
    </message>
    <message>
        <source>occurrence {which} of {count}, {where}</source>
        <translation>occurrence {which} sur {count}, {where}</translation>
    </message>
    <message>
        <source>after {text}</source>
        <translation>après {text}</translation>
    </message>
    <message>
        <source>at the very start</source>
        <translation>tout au début</translation>
    </message>
    <message>
        <source>✓ Found verbatim ({where}), {place}</source>
        <translation>✓ Trouvé mot pour mot ({where}), {place}</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Acting actor</source>
        <translation>Acteur à l’initiative</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Type d’événement</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>The timeline could not be read: {reason}</source>
        <translation>Impossible de lire la chronologie&#x202f;: {reason}</translation>
    </message>
    <message>
        <source>No events match the current filter.</source>
        <translation>Aucun événement ne correspond au filtre actuel.</translation>
    </message>
    <message>
        <source>No events in this period. Fit all (or zoom out) to find them.</source>
        <translation>Aucun événement sur cette période. Affichez tout (ou faites un zoom arrière) pour les retrouver.</translation>
    </message>
    <message>
        <source>Too many events to draw one by one: bars count events {per_period}. Zoom in to see them.</source>
        <translation>Trop d’événements pour les dessiner un par un&#x202f;: les barres comptent les événements {per_period}. Zoomez pour les voir.</translation>
    </message>
    <message>
        <source>Zoomed in as far as events spread over centuries allow: filter by date to zoom in further.</source>
        <translation>Zoom maximal pour des événements étalés sur des siècles&#x202f;: filtrez par date pour zoomer davantage.</translation>
    </message>
    <message>
        <source>Show or hide what the marks and colours mean</source>
        <translation>Afficher ou masquer la signification des marques et des couleurs</translation>
    </message>
    <message>
        <source>Show what the marks and colours mean (no room under the lanes)</source>
        <translation>Afficher la signification des marques et des couleurs (pas de place sous les pistes)</translation>
    </message>
    <message>
        <source>Events whose source names no acting actor</source>
        <translation>Événements dont la source ne nomme aucun acteur à l’initiative</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>par jour</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>par semaine</translation>
    </message>
    <message>
        <source>per fortnight</source>
        <translation>par quinzaine</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>par mois</translation>
    </message>
    <message>
        <source>per quarter</source>
        <translation>par trimestre</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>par an</translation>
    </message>
</context>
<context>
    <name>TitleDelegate</name>
    <message>
        <source>unsourced</source>
        <extracomment>The list&apos;s badge on an event no quote backs yet (short: it sits in the title cell).</extracomment>
        <translation>sans source</translation>
    </message>
</context>
</TS>
