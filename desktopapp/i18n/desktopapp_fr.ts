<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
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
    <name>NoteStrip</name>
    <message>
        <source>Timeline note</source>
        <translation>Note de la chronologie</translation>
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
