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
    <name>CitationEditor</name>
    <message>
        <source>Where the date comes from</source>
        <translation>D’où vient la date</translation>
    </message>
    <message>
        <source>A sentence in one of this timeline&apos;s &amp;sources</source>
        <translation>Une phrase de l’une des &amp;sources de cette chronologie</translation>
    </message>
    <message>
        <source>An &amp;outside report</source>
        <translation>Un article e&amp;xtérieur</translation>
    </message>
    <message>
        <source>sentence that states the date</source>
        <translation>phrase qui donne la date</translation>
    </message>
    <message>
        <source>Se&amp;ntence:</source>
        <translation>Phr&amp;ase&#x202f;:</translation>
    </message>
    <message>
        <source>Use the &amp;quoted passage</source>
        <translation>Reprendre le passage &amp;cité</translation>
    </message>
    <message>
        <source>Reuters, Le Monde, the company&apos;s press release…</source>
        <translation>Reuters, Le Monde, le communiqué de l’entreprise…</translation>
    </message>
    <message>
        <source>The report&apos;s sentence that states the date</source>
        <translation>La phrase de l’article qui donne la date</translation>
    </message>
    <message>
        <source>O&amp;utlet:</source>
        <translation>&amp;Média&#x202f;:</translation>
    </message>
    <message>
        <source>Tit&amp;le:</source>
        <translation>Titr&amp;e&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Web address:</source>
        <translation>Adresse &amp;web&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Published:</source>
        <translation>&amp;Publié le&#x202f;:</translation>
    </message>
    <message>
        <source>S&amp;entence:</source>
        <translation>P&amp;hrase&#x202f;:</translation>
    </message>
    <message>
        <source>name the report&apos;s outlet</source>
        <translation>indiquez le média de l’article</translation>
    </message>
    <message>
        <source>paste the report&apos;s sentence that states the date</source>
        <translation>collez la phrase de l’article qui donne la date</translation>
    </message>
</context>
<context>
    <name>DateEntry</name>
    <message>
        <source>1 March 2022, 1er mars 2022, 1 March 2022 09:30, mars 2022, between 21 and 27 February 2022</source>
        <translation>1er mars 2022, 1er mars 2022 9h30, mars 2022, vers mars 2022, du 21 au 27 février 2022</translation>
    </message>
    <message>
        <source>{date} — an interval</source>
        <translation>{date} — un intervalle</translation>
    </message>
    <message>
        <source>EDTF (2022-03-01, 2022-03-01T09:30, 2022-03, 2022-02-21/2022-02-27) or words: {examples}</source>
        <translation>EDTF (2022-03-01, 2022-03-01T09:30, 2022-03, 2022-02-21/2022-02-27) ou en toutes lettres&#x202f;: {examples}</translation>
    </message>
    <message>
        <source>type the date</source>
        <translation>saisissez la date</translation>
    </message>
    <message>
        <source>Type a date: {examples}</source>
        <translation>Saisissez une date&#x202f;: {examples}</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Pas de date</translation>
    </message>
    <message>
        <source>{text} is not a date I can read</source>
        <translation>{text} n’est pas une date lisible</translation>
    </message>
    <message>
        <source>try {examples}</source>
        <translation>essayez {examples}</translation>
    </message>
    <message>
        <source>not a date I can read: {reason}</source>
        <translation>date illisible&#x202f;: {reason}</translation>
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
    <name>DeleteConfirmation</name>
    <message>
        <source>You can undo this with Edit › Undo.</source>
        <translation>Vous pourrez l’annuler par Édition › Annuler.</translation>
    </message>
    <message>
        <source>Cite those dates from another source or an outside report first: {events}.</source>
        <translation>Donnez d’abord à ces dates une autre référence (une autre source ou un article extérieur)&#x202f;: {events}.</translation>
    </message>
    <message>
        <source>its sentences cite events&apos; dates</source>
        <translation>ses phrases sont la référence de dates d’événements</translation>
    </message>
    <message>
        <source>Delete the source {source}? No event quotes it.</source>
        <translation>Supprimer la source {source}&#x202f;? Aucun événement ne la cite.</translation>
    </message>
    <message>
        <source>Delete source</source>
        <translation>Supprimer la source</translation>
    </message>
    <message>
        <source>Deleting the source {source} removes {quotes} from {events}: {titles}.</source>
        <translation>La suppression de la source {source} retirera {quotes} de {events}&#x202f;: {titles}.</translation>
    </message>
    <message>
        <source>Delete source and quotes</source>
        <translation>Supprimer la source et ses citations</translation>
    </message>
    <message>
        <source>It would be left with no quote and shown as unsourced.</source>
        <translation>Il n’aurait plus aucune citation et serait affiché comme sans source.</translation>
    </message>
    <message>
        <source>Delete the event {title}?</source>
        <translation>Supprimer l’événement {title}&#x202f;?</translation>
    </message>
    <message>
        <source>Its sources stay.</source>
        <translation>Ses sources sont conservées.</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Supprimer l’événement</translation>
    </message>
    <message>
        <source>It is the event&apos;s only quote: the event will be shown as unsourced.</source>
        <translation>C’est la seule citation de l’événement&#x202f;: il sera affiché comme sans source.</translation>
    </message>
    <message>
        <source>Remove the quote {quote} from {title}?</source>
        <translation>Retirer la citation {quote} de {title}&#x202f;?</translation>
    </message>
    <message>
        <source>Remove quote</source>
        <translation>Retirer la citation</translation>
    </message>
    <message>
        <source>Delete the actor {name}? No event uses it.</source>
        <translation>Supprimer l’acteur {name}&#x202f;? Aucun événement ne le mentionne.</translation>
    </message>
    <message>
        <source>Delete the type {name}? No event uses it.</source>
        <translation>Supprimer le type {name}&#x202f;? Aucun événement n’est de ce type.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Change those events first.</source>
        <translation>Modifiez d’abord ces événements.</translation>
    </message>
    <message>
        <source>still in use</source>
        <translation>encore utilisé</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>Suppression impossible</translation>
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
    <name>EditActorDialog</name>
    <message>
        <source>Edit actor</source>
        <translation>Modifier l’acteur</translation>
    </message>
    <message>
        <source>Save actor</source>
        <translation>Enregistrer l’acteur</translation>
    </message>
    <message>
        <source>give the actor a name</source>
        <translation>donnez un nom à l’acteur</translation>
    </message>
    <message>
        <source>nothing changed yet</source>
        <translation>rien n’a encore changé</translation>
    </message>
</context>
<context>
    <name>EditConflictDialog</name>
    <message>
        <source>title</source>
        <translation>titre</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>résumé</translation>
    </message>
    <message>
        <source>type</source>
        <translation>type</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>date citation</source>
        <translation>référence de la date</translation>
    </message>
    <message>
        <source>actors</source>
        <translation>acteurs</translation>
    </message>
    <message>
        <source>outlet</source>
        <translation>média</translation>
    </message>
    <message>
        <source>url</source>
        <translation>adresse web</translation>
    </message>
    <message>
        <source>language</source>
        <translation>langue</translation>
    </message>
    <message>
        <source>published</source>
        <translation>date de publication</translation>
    </message>
    <message>
        <source>author</source>
        <translation>auteur</translation>
    </message>
    <message>
        <source>{who}, {when}: {change}</source>
        <translation>{who}, {when}&#x202f;: {change}</translation>
    </message>
    <message>
        <source>deleted it</source>
        <translation>l’a supprimé</translation>
    </message>
    <message>
        <source>added it</source>
        <translation>l’a ajouté</translation>
    </message>
    <message>
        <source>{field}: {old} → {new}</source>
        <translation>{field}&#x202f;: {old} → {new}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>&#x202f;; </translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>another editor</source>
        <translation>une autre personne</translation>
    </message>
    <message>
        <source>Kept over the change by {who} (change {change})</source>
        <translation>Maintenu malgré la modification de {who} (modification {change})</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Modifié par quelqu’un d’autre</translation>
    </message>
    <message>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Quelqu’un</translation>
    </message>
    <message>
        <source>{who} changed {event} while you were editing it. Your change is not saved yet.</source>
        <translation>{who} a modifié {event} pendant que vous le modifiiez. Votre modification n’est pas encore enregistrée.</translation>
    </message>
    <message>
        <source>Your change: {change}.</source>
        <translation>Votre modification&#x202f;: {change}.</translation>
    </message>
    <message>
        <source>Keep mine: save your changes over theirs (the history says so).</source>
        <translation>Garder la mienne&#x202f;: enregistrer vos modifications à la place des siennes (l’historique le signale).</translation>
    </message>
    <message>
        <source>Take theirs: discard your changes and show the event as they left it.</source>
        <translation>Prendre la sienne&#x202f;: abandonner vos modifications et afficher l’événement tel que l’autre personne l’a laissé.</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>&amp;Prendre la sienne</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Garder la mienne</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>EditFields</name>
    <message>
        <source>give the report&apos;s web address</source>
        <translation>donnez l’adresse web de l’article</translation>
    </message>
    <message>
        <source>{address} is not a web address I can link to (http or https only)</source>
        <translation>{address} n’est pas une adresse web utilisable comme lien (http ou https seulement)</translation>
    </message>
</context>
<context>
    <name>EditTypeDialog</name>
    <message>
        <source>Edit type</source>
        <translation>Modifier le type</translation>
    </message>
    <message>
        <source>Save type</source>
        <translation>Enregistrer le type</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Libellé&#x202f;:</translation>
    </message>
    <message>
        <source>give the type a label</source>
        <translation>donnez un libellé au type</translation>
    </message>
    <message>
        <source>nothing changed yet</source>
        <translation>rien n’a encore changé</translation>
    </message>
</context>
<context>
    <name>EditingActions</name>
    <message>
        <source>Timelines (*.timeline *.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Chronologies (*.timeline *.sqlite3 *.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir une chronologie &amp;récente</translation>
    </message>
    <message>
        <source>The timeline cannot be edited now</source>
        <translation>La chronologie ne peut pas être modifiée pour l’instant</translation>
    </message>
    <message>
        <source>the connection to it is lost; it is tried again every second</source>
        <translation>la connexion est perdue&#x202f;; elle est retentée chaque seconde</translation>
    </message>
    <message>
        <source>This timeline cannot be edited</source>
        <translation>Cette chronologie ne peut pas être modifiée</translation>
    </message>
    <message>
        <source>it is open for viewing only (this server user may not edit it)</source>
        <translation>elle est ouverte en lecture seule (cet utilisateur du serveur n’a pas le droit de la modifier)</translation>
    </message>
    <message>
        <source>The change was not saved</source>
        <translation>La modification n’a pas été enregistrée</translation>
    </message>
    <message>
        <source>Edit a copy?</source>
        <translation>Modifier une copie&#x202f;?</translation>
    </message>
    <message>
        <source>The sample timeline is read-only.</source>
        <translation>La chronologie d’exemple est en lecture seule.</translation>
    </message>
    <message>
        <source>This timeline cannot be edited here.</source>
        <translation>Cette chronologie ne peut pas être modifiée ici.</translation>
    </message>
    <message>
        <source>It is rebuilt whenever the app is updated, which would lose your edits.</source>
        <translation>Elle est reconstruite à chaque mise à jour de l’application, ce qui effacerait vos modifications.</translation>
    </message>
    <message>
        <source>{why}

Make an editable copy in your documents folder ({target}) and open it?</source>
        <translation>{why}

Faire une copie modifiable dans votre dossier Documents ({target}) et l’ouvrir&#x202f;?</translation>
    </message>
    <message>
        <source>The copy could not be made</source>
        <translation>La copie n’a pas pu être faite</translation>
    </message>
    <message>
        <source>The copy cannot be edited</source>
        <translation>La copie ne peut pas être modifiée</translation>
    </message>
    <message>
        <source>Editing a copy: {file}</source>
        <translation>Modification d’une copie&#x202f;: {file}</translation>
    </message>
    <message>
        <source>News timeline</source>
        <translation>Chronologie de l’actualité</translation>
    </message>
    <message>
        <source>The edit could not be undone</source>
        <translation>La modification n’a pas pu être annulée</translation>
    </message>
    <message>
        <source>The edit could not be redone</source>
        <translation>La modification n’a pas pu être rétablie</translation>
    </message>
    <message>
        <source>&amp;Undo {edit}</source>
        <translation>&amp;Annuler&#x202f;: {edit}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo {edit}</source>
        <translation>&amp;Rétablir&#x202f;: {edit}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>New Timeline</source>
        <translation>Nouvelle chronologie</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <source>Title of the timeline:</source>
        <translation>Titre de la chronologie&#x202f;:</translation>
    </message>
    <message>
        <source>The timeline could not be created</source>
        <translation>La chronologie n’a pas pu être créée</translation>
    </message>
    <message>
        <source>Created {file}</source>
        <translation>{file} créé</translation>
    </message>
    <message>
        <source>The timeline could not be copied</source>
        <translation>La chronologie n’a pas pu être copiée</translation>
    </message>
    <message>
        <source>it is not stored in a file</source>
        <translation>elle n’est pas enregistrée dans un fichier</translation>
    </message>
    <message>
        <source>{name} copy</source>
        <translation>{name} (copie)</translation>
    </message>
    <message>
        <source>Save a Copy of the Timeline</source>
        <translation>Enregistrer une copie de la chronologie</translation>
    </message>
    <message>
        <source>The copy could not be saved</source>
        <translation>La copie n’a pas pu être enregistrée</translation>
    </message>
    <message>
        <source>Saved a copy as {file}</source>
        <translation>Copie enregistrée sous {file}</translation>
    </message>
    <message>
        <source>No recent timelines</source>
        <translation>Aucune chronologie récente</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>&amp;Vider le menu</translation>
    </message>
    <message>
        <source>The timeline could not be opened</source>
        <translation>La chronologie n’a pas pu être ouverte</translation>
    </message>
    <message>
        <source>{file} is no longer there</source>
        <translation>{file} n’existe plus</translation>
    </message>
    <message>
        <source>{database} on {server}</source>
        <translation>{database} sur {server}</translation>
    </message>
</context>
<context>
    <name>EventActions</name>
    <message>
        <source>Articles (*.txt *.md *.html *.htm *.pdf);;All files (*)</source>
        <translation>Articles (*.txt *.md *.html *.htm *.pdf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The event cannot be edited now</source>
        <translation>L’événement ne peut pas être modifié pour l’instant</translation>
    </message>
    <message>
        <source>The event cannot be deleted now</source>
        <translation>L’événement ne peut pas être supprimé pour l’instant</translation>
    </message>
    <message>
        <source>The event was not deleted</source>
        <translation>L’événement n’a pas été supprimé</translation>
    </message>
    <message>
        <source>Add a Source</source>
        <translation>Ajouter une source</translation>
    </message>
    <message>
        <source>The source could not be read</source>
        <translation>La source n’a pas pu être lue</translation>
    </message>
    <message>
        <source>The event was not saved</source>
        <translation>L’événement n’a pas été enregistré</translation>
    </message>
    <message>
        <source>Your change was discarded: the event is shown as the other editor left it</source>
        <translation>Votre modification a été abandonnée&#x202f;: l’événement est affiché tel que l’autre personne l’a laissé</translation>
    </message>
    <message>
        <source>The passage could not be read</source>
        <translation>Le passage n’a pas pu être lu</translation>
    </message>
    <message>
        <source>Nothing is selected</source>
        <translation>Rien n’est sélectionné</translation>
    </message>
    <message>
        <source>select a passage in the article first, then try again</source>
        <translation>sélectionnez d’abord un passage de l’article, puis réessayez</translation>
    </message>
</context>
<context>
    <name>EventCommands</name>
    <message>
        <source>Copy &amp;Citation</source>
        <translation>Copier la &amp;référence</translation>
    </message>
    <message>
        <source>Copy &amp;Quote</source>
        <translation>Copier la &amp;citation</translation>
    </message>
    <message>
        <source>&amp;Go to Source</source>
        <translation>Aller à la &amp;source</translation>
    </message>
    <message>
        <source>Date: {citation}</source>
        <translation>Date&#x202f;: {citation}</translation>
    </message>
    <message>
        <source>Events quoting this passage</source>
        <translation>Événements qui citent ce passage</translation>
    </message>
</context>
<context>
    <name>EventEditorDialog</name>
    <message>
        <source>Edit event: {title}</source>
        <translation>Modifier l’événement&#x202f;: {title}</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Nouvel événement</translation>
    </message>
    <message>
        <source>Apple halts all exports to Russia</source>
        <translation>Apple suspend toutes ses exportations vers la Russie</translation>
    </message>
    <message>
        <source>New &amp;type…</source>
        <translation>Nouveau &amp;type…</translation>
    </message>
    <message>
        <source>passage this event is from</source>
        <translation>passage d’où vient l’événement</translation>
    </message>
    <message>
        <source>Passa&amp;ge:</source>
        <translation>Passa&amp;ge&#x202f;:</translation>
    </message>
    <message>
        <source>Optional: why, for the history (“corrected from SAP&apos;s page”)</source>
        <translation>Facultatif&#x202f;: pourquoi, pour l’historique («&#x202f;corrigé d’après la page de SAP&#x202f;»)</translation>
    </message>
    <message>
        <source>Save event</source>
        <translation>Enregistrer l’événement</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>Ajouter l’événement</translation>
    </message>
    <message>
        <source>Quote:</source>
        <translation>Citation&#x202f;:</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>T&amp;itre&#x202f;:</translation>
    </message>
    <message>
        <source>Su&amp;mmary:</source>
        <translation>Rés&amp;umé&#x202f;:</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>T&amp;ype&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Actors:</source>
        <translation>&amp;Acteurs&#x202f;:</translation>
    </message>
    <message>
        <source>The passage the event is quoted from</source>
        <translation>Le passage d’où l’événement est cité</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>Pour&amp;quoi&#x202f;:</translation>
    </message>
    <message>
        <source>from {source}, characters {start}–{end}</source>
        <translation>de {source}, caractères {start} à {end}</translation>
    </message>
    <message>
        <source>{type} (new)</source>
        <translation>{type} (nouveau)</translation>
    </message>
    <message>
        <source>Choose the event&apos;s type</source>
        <translation>Choisissez le type de l’événement</translation>
    </message>
    <message>
        <source>give the event a title</source>
        <translation>donnez un titre à l’événement</translation>
    </message>
    <message>
        <source>choose a type (or add one)</source>
        <translation>choisissez un type (ou ajoutez-en un)</translation>
    </message>
    <message>
        <source>quote the event: {problem}</source>
        <translation>citez l’événement&#x202f;: {problem}</translation>
    </message>
    <message>
        <source>cite the date: {problem}</source>
        <translation>donnez la référence de la date&#x202f;: {problem}</translation>
    </message>
    <message>
        <source>nothing changed yet</source>
        <translation>rien n’a encore changé</translation>
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
    <name>ExportActions</name>
    <message>
        <source>Export PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting {file}…</source>
        <translation>Exportation de {file}…</translation>
    </message>
    <message>
        <source>Print timeline</source>
        <translation>Imprimer la chronologie</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Aperçu avant impression</translation>
    </message>
    <message>
        <source>timeline</source>
        <comment>the first word of an exported file&apos;s name</comment>
        <translation>chronologie</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>The export failed: {reason}.</source>
        <translation>L’exportation a échoué&#x202f;: {reason}.</translation>
    </message>
    <message>
        <source>Exported {file}</source>
        <translation>{file} exporté</translation>
    </message>
    <message>
        <source>In {folder}</source>
        <translation>Dans {folder}</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Show in &amp;Folder</source>
        <translation>Afficher dans le &amp;dossier</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Impression</translation>
    </message>
    <message>
        <source>Preparing the pages…</source>
        <translation>Préparation des pages…</translation>
    </message>
    <message>
        <source>Printing failed: {reason}.</source>
        <translation>L’impression a échoué&#x202f;: {reason}.</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Aperçu avant impression…</translation>
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
    <name>ImportActions</name>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>Importation annulée&#x202f;: rien n’a été importé.</translation>
    </message>
    <message>
        <source>The file could not be imported</source>
        <translation>Le fichier n’a pas pu être importé</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Rien n’a été importé</translation>
    </message>
    <message>
        <source>Filters cleared to show them.</source>
        <translation>Filtres effacés pour les afficher.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>An acting actor (a lane of its own when grouped by actor)</source>
        <translation>Un acteur à l’initiative (une piste à part quand on regroupe par acteur)</translation>
    </message>
    <message>
        <source>A type under “Imported” (a lane of its own when grouped by type)</source>
        <translation>Un type sous «&#x202f;Importé&#x202f;» (une piste à part quand on regroupe par type)</translation>
    </message>
    <message>
        <source>Import a timeline</source>
        <translation>Importer une chronologie</translation>
    </message>
    <message>
        <source>A TimelineJS JSON file, or its sheet saved as CSV</source>
        <translation>Fichier JSON de TimelineJS, ou sa feuille en CSV</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Fichier à importer</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Groups become</source>
        <translation>Les groupes deviennent</translation>
    </message>
    <message>
        <source>Optional: why, for the history</source>
        <translation>Facultatif&#x202f;: pourquoi, pour l’historique</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier&#x202f;:</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>F&amp;ormat&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Groups become:</source>
        <translation>Les &amp;groupes deviennent&#x202f;:</translation>
    </message>
    <message>
        <source>W&amp;hy:</source>
        <translation>Pour&amp;quoi&#x202f;:</translation>
    </message>
    <message>
        <source>Imported events have no verified quote: they are marked unsourced until you attach a quote from a source. Their text is kept as the file&apos;s claim.</source>
        <translation>Les événements importés n’ont pas de citation vérifiée&#x202f;: ils sont marqués sans source tant que vous ne leur avez pas associé une citation d’une source. Leur texte est conservé comme l’affirmation du fichier.</translation>
    </message>
    <message>
        <source>choose the file to import</source>
        <translation>choisissez le fichier à importer</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>ce fichier n’existe pas</translation>
    </message>
    <message>
        <source>The format could not be told from the file: choose it.</source>
        <translation>Le format n’a pas pu être déduit du fichier&#x202f;: choisissez-le.</translation>
    </message>
    <message>
        <source>Told from the file; choose another if it is wrong.</source>
        <translation>Déduit du fichier&#x202f;; choisissez-en un autre s’il est faux.</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <source>Importing</source>
        <translation>Importation</translation>
    </message>
    <message>
        <source>Reading &apos;{file}&apos;…</source>
        <translation>Lecture de «&#x202f;{file}&#x202f;»…</translation>
    </message>
    <message>
        <source>Events written</source>
        <translation>Événements écrits</translation>
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
    <name>NewActorDialog</name>
    <message>
        <source>company</source>
        <translation>entreprise</translation>
    </message>
    <message>
        <source>government</source>
        <translation>gouvernement</translation>
    </message>
    <message>
        <source>international body</source>
        <translation>organisation internationale</translation>
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
        <source>New actor</source>
        <translation>Nouvel acteur</translation>
    </message>
    <message>
        <source>Other names, separated by commas: GM, General Motors Co</source>
        <translation>Séparés par des virgules&#x202f;: GM, General Motors Co</translation>
    </message>
    <message>
        <source>Add actor</source>
        <translation>Ajouter l’acteur</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>Nat&amp;ure&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Aliases:</source>
        <translation>&amp;Autres noms&#x202f;:</translation>
    </message>
    <message>
        <source>give the actor a name</source>
        <translation>donnez un nom à l’acteur</translation>
    </message>
    <message>
        <source>{clash}: pick that actor instead</source>
        <translation>{clash}&#x202f;: choisissez plutôt cet acteur</translation>
    </message>
</context>
<context>
    <name>NewTypeDialog</name>
    <message>
        <source>New event type</source>
        <translation>Nouveau type d’événement</translation>
    </message>
    <message>
        <source>(none: a new top-level type)</source>
        <translation>(aucun&#x202f;: un nouveau type de premier niveau)</translation>
    </message>
    <message>
        <source>Safety measure</source>
        <translation>Mesure de sécurité</translation>
    </message>
    <message>
        <source>Add type</source>
        <translation>Ajouter le type</translation>
    </message>
    <message>
        <source>&amp;Under:</source>
        <translation>Type &amp;parent&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Libellé&#x202f;:</translation>
    </message>
    <message>
        <source>give the type a label (letters or digits)</source>
        <translation>donnez un libellé au type (lettres ou chiffres)</translation>
    </message>
    <message>
        <source>the type {slug} exists already</source>
        <translation>le type {slug} existe déjà</translation>
    </message>
    <message>
        <source>Its slug: {slug}</source>
        <translation>Son identifiant&#x202f;: {slug}</translation>
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
    <name>PageSetupDialog</name>
    <message>
        <source>Landscape</source>
        <translation>Paysage</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Format du papier</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>&amp;Papier&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Orientation:</source>
        <translation>&amp;Orientation&#x202f;:</translation>
    </message>
    <message>
        <source>Choose &amp;File…</source>
        <translation>Choisir le &amp;fichier…</translation>
    </message>
</context>
<context>
    <name>ParticipantsEditor</name>
    <message>
        <source>acting</source>
        <translation>à l’initiative</translation>
    </message>
    <message>
        <source>affected</source>
        <translation>concerné</translation>
    </message>
    <message>
        <source>Type an actor&apos;s name or alias, then Enter</source>
        <translation>Tapez le nom d’un acteur ou un autre de ses noms, puis Entrée</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>A&amp;jouter</translation>
    </message>
    <message>
        <source>Actors of the event (Delete removes one)</source>
        <translation>Acteurs de l’événement (Suppr en retire un)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Type an actor&apos;s name first</source>
        <translation>Tapez d’abord le nom d’un acteur</translation>
    </message>
    <message>
        <source>{name} — {role} (new actor)</source>
        <translation>{name} — {role} (nouvel acteur)</translation>
    </message>
    <message>
        <source>{name} — {role}</source>
        <translation>{name} — {role}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Used for timelines opened or created from now on. Left empty, your user name on this computer is recorded.</source>
        <translation>Utilisé pour les chronologies ouvertes ou créées désormais. Laissé vide, c’est votre nom d’utilisateur sur cet ordinateur qui est enregistré.</translation>
    </message>
    <message>
        <source>Your &amp;name (recorded in the history of every edit):</source>
        <translation>Votre &amp;nom (pour l’historique des modifications)&#x202f;:</translation>
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
    <name>ReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>Compte rendu de l’importation</translation>
    </message>
    <message>
        <source>Nothing was skipped or changed.</source>
        <translation>Rien n’a été ignoré ni modifié.</translation>
    </message>
    <message>
        <source>Edit › Undo takes the whole import back in one step.</source>
        <translation>Édition › Annuler défait toute l’importation en une fois.</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Wrong password for {user}, or no such user.</source>
        <translation>Mot de passe erroné pour {user}, ou utilisateur inconnu.</translation>
    </message>
    <message>
        <source>The server asks for a password; type it above.</source>
        <translation>Le serveur demande un mot de passe&#x202f;; saisissez-le ci-dessus.</translation>
    </message>
    <message>
        <source>There is no user {user} on this server.</source>
        <translation>Il n’y a pas d’utilisateur {user} sur ce serveur.</translation>
    </message>
    <message>
        <source>There is no database {database} on this server.</source>
        <translation>Il n’y a pas de base de données {database} sur ce serveur.</translation>
    </message>
    <message>
        <source>The server offers no TLS: choose sslmode prefer or disable.</source>
        <translation>Le serveur ne propose pas TLS&#x202f;: choisissez le sslmode prefer ou disable.</translation>
    </message>
    <message>
        <source>The server requires TLS: choose sslmode require (or verify-full).</source>
        <translation>Le serveur exige TLS&#x202f;: choisissez le sslmode require (ou verify-full).</translation>
    </message>
    <message>
        <source>The server&apos;s TLS certificate is not trusted: {reason}</source>
        <translation>Le certificat TLS du serveur n’est pas reconnu&#x202f;: {reason}</translation>
    </message>
    <message>
        <source>No server is known by the name {host}.</source>
        <translation>Aucun serveur n’est connu sous le nom {host}.</translation>
    </message>
    <message>
        <source>No server answers at {host}, port {port}: is it running?</source>
        <translation>Aucun serveur ne répond sur {host}, port {port}&#x202f;: est-il démarré&#x202f;?</translation>
    </message>
    <message>
        <source>No server answers at {host}, port {port} (timed out).</source>
        <translation>Aucun serveur ne répond sur {host}, port {port} (délai dépassé).</translation>
    </message>
    <message>
        <source>No server answers at {host}, port {port} (no route).</source>
        <translation>Aucun serveur ne répond sur {host}, port {port} (hôte injoignable).</translation>
    </message>
    <message>
        <source>this user</source>
        <translation>cet utilisateur</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>Opened {location}</source>
        <translation>{location} ouverte</translation>
    </message>
    <message>
        <source>Opened {location} for viewing (this user may not edit it)</source>
        <translation>{location} ouverte en lecture seule (cet utilisateur n’a pas le droit de la modifier)</translation>
    </message>
    <message>
        <source>Open Server Timeline</source>
        <translation>Ouvrir une chronologie sur un serveur</translation>
    </message>
    <message>
        <source>the timeline&apos;s database</source>
        <translation>la base de données de la chronologie</translation>
    </message>
    <message>
        <source>your server user</source>
        <translation>votre utilisateur sur le serveur</translation>
    </message>
    <message>
        <source>&amp;Remember password in the system keyring</source>
        <translation>&amp;Mémoriser le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <source>prefer: TLS if the server offers it; require: TLS or nothing; verify-ca and verify-full: TLS with the server&apos;s certificate checked against the root certificate below (verify-full also checks the host name); disable: no TLS</source>
        <translation>prefer&#x202f;: TLS si le serveur le propose&#x202f;; require&#x202f;: TLS ou rien&#x202f;; verify-ca et verify-full&#x202f;: TLS, le certificat du serveur étant vérifié avec le certificat racine ci-dessous (verify-full vérifie aussi le nom d’hôte)&#x202f;; disable&#x202f;: sans TLS</translation>
    </message>
    <message>
        <source>file (verify-ca/full)</source>
        <translation>fichier (verify-ca/full)</translation>
    </message>
    <message>
        <source>file, if the server asks for one</source>
        <translation>fichier, si le serveur en demande un</translation>
    </message>
    <message>
        <source>file of the client certificate&apos;s key</source>
        <translation>fichier de la clé du certificat client</translation>
    </message>
    <message>
        <source>No system keyring is available here, so the password cannot be remembered: it is used for this connection only. libpq&apos;s ~/.pgpass file or the PGPASSWORD variable can supply it instead (leave the field empty).</source>
        <translation>Aucun trousseau système n’est disponible ici&#x202f;: le mot de passe ne peut pas être mémorisé et ne sert que pour cette connexion. Le fichier ~/.pgpass de libpq ou la variable PGPASSWORD peuvent le fournir à la place (laissez le champ vide).</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte&#x202f;:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;TLS (sslmode):</source>
        <translation>&amp;TLS (sslmode)&#x202f;:</translation>
    </message>
    <message>
        <source>Root &amp;certificate:</source>
        <translation>&amp;Certificat racine&#x202f;:</translation>
    </message>
    <message>
        <source>C&amp;lient certificate:</source>
        <translation>Certificat c&amp;lient&#x202f;:</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>Clé &amp;du client&#x202f;:</translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation>Se co&amp;nnecter</translation>
    </message>
    <message>
        <source>Name the database that holds the timeline.</source>
        <translation>Indiquez la base de données qui contient la chronologie.</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <source>Source: {title}</source>
        <translation>Source&#x202f;: {title}</translation>
    </message>
    <message>
        <source>Paste a source</source>
        <translation>Coller une source</translation>
    </message>
    <message>
        <source>Add a source</source>
        <translation>Ajouter une source</translation>
    </message>
    <message>
        <source>The text&apos;s language, as a code: fr, en, de…</source>
        <translation>La langue du texte, en code&#x202f;: fr, en, de…</translation>
    </message>
    <message>
        <source>Paste the source&apos;s text here</source>
        <translation>Collez ici le texte de la source</translation>
    </message>
    <message>
        <source>Optional: why, for the history</source>
        <translation>Facultatif&#x202f;: pourquoi, pour l’historique</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Add source</source>
        <translation>Ajouter la source</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Outlet:</source>
        <translation>&amp;Média&#x202f;:</translation>
    </message>
    <message>
        <source>A&amp;uthor:</source>
        <translation>A&amp;uteur&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Web address:</source>
        <translation>Adresse &amp;web&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Published:</source>
        <translation>&amp;Publiée le&#x202f;:</translation>
    </message>
    <message>
        <source>W&amp;hy:</source>
        <translation>Pour&amp;quoi&#x202f;:</translation>
    </message>
    <message>
        <source>Read from {origin}</source>
        <translation>Lu depuis {origin}</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Te&amp;xte&#x202f;:</translation>
    </message>
    <message>
        <source>Text (fixed):</source>
        <translation>Texte (non modifiable)&#x202f;:</translation>
    </message>
    <message>
        <source>paste the source&apos;s text</source>
        <translation>collez le texte de la source</translation>
    </message>
    <message>
        <source>the text is empty</source>
        <translation>le texte est vide</translation>
    </message>
    <message>
        <source>give the source a title</source>
        <translation>donnez un titre à la source</translation>
    </message>
    <message>
        <source>nothing changed yet</source>
        <translation>rien n’a encore changé</translation>
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
<context>
    <name>UpgradeOffer</name>
    <message>
        <source>Upgrade the database?</source>
        <translation>Mettre à jour la base de données&#x202f;?</translation>
    </message>
    <message>
        <source>This database was written by an older version of the app.</source>
        <translation>Cette base de données a été écrite par une version plus ancienne de l’application.</translation>
    </message>
    <message>
        <source>A copy of the file as it is will be kept next to it (…schemaN.bak) before anything is changed.</source>
        <translation>Une copie du fichier en l’état sera conservée à côté (…schemaN.bak) avant toute modification.</translation>
    </message>
    <message>
        <source>The upgrade runs in one transaction on the server: all of it, or nothing if anything fails. Other editors should close this timeline first.</source>
        <translation>La mise à jour se fait en une seule transaction sur le serveur&#x202f;: entièrement, ou pas du tout si quoi que ce soit échoue. Les autres personnes qui modifient cette chronologie doivent d’abord la fermer.</translation>
    </message>
    <message>
        <source>{reason}.

Upgrade it now? {safety}</source>
        <translation>{reason}.

La mettre à jour maintenant&#x202f;? {safety}</translation>
    </message>
    <message>
        <source>Upgraded {name}</source>
        <translation>{name} mise à jour</translation>
    </message>
    <message>
        <source>Upgraded {name}; the old file is kept as {backup}</source>
        <translation>{name} mise à jour&#x202f;; l’ancien fichier est conservé sous le nom {backup}</translation>
    </message>
</context>
</TS>
