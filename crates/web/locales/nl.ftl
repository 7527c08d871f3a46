# Steunkring — Nederlands (standaardtaal). Schrijf op B1-niveau: korte zinnen, gewone woorden.

app-name = Steunkring
skip-to-content = Naar de inhoud
lang-switch-to-en = English
lang-switch-to-nl = Nederlands
nav-label = Hoofdmenu
nav-home = Start
nav-users = Gebruikers
nav-teams = Teams
nav-audit = Logboek
nav-account = Mijn account
nav-logout = Uitloggen
footer-text = Steunkring helpt jongeren, hun gezin en hun netwerk om steun te zien, te versterken en te gebruiken.

## Fouten
error-back-home = Terug naar de startpagina
error-code = Foutcode
error-title-400 = Dat lukte niet
error-title-401 = Log eerst in
error-title-403 = Geen toegang
error-title-404 = Niet gevonden
error-title-409 = Dat kan nu niet
error-title-422 = Controleer wat u invulde
error-title-429 = Even wachten
error-title-500 = Er ging iets mis
error-not-found = Deze pagina bestaat niet, of u mag hem niet zien. Controleer het adres.
error-forbidden = U mag dit niet doen. Denkt u dat dit niet klopt? Vraag het aan de beheerder van uw organisatie.
error-internal = Er ging bij ons iets mis. Probeer het later nog eens.
error-internal-incident = Er ging bij ons iets mis. Probeer het later nog eens. Noem dit nummer als u contact opneemt: { $incident }.
error-not-logged-in = U bent niet ingelogd. Log eerst in.
error-too-many-attempts = Te veel pogingen. Wacht 15 minuten en probeer het dan opnieuw.
error-conflict = Dit bestaat al of is net veranderd. Laad de pagina opnieuw.
error-email-taken = Er is al een account met dit e-mailadres.
error-invalid-input = Niet alles is goed ingevuld. Kijk bij de velden wat er mis is.
error-body-too-large = Wat u stuurde is te groot (meer dan 1 MB).
error-unreadable-body = Wat u stuurde konden we niet lezen.
error-invalid-utf8 = De tekst bevat tekens die we niet kunnen lezen (geen geldige UTF-8).
error-malformed-json = Dit is geen geldige JSON.
error-required = Dit veld is verplicht.
error-unknown-field = Dit veld kennen we niet.
error-unknown-value = Deze waarde kennen we niet.
error-wrong-type = Deze waarde heeft het verkeerde soort (bijvoorbeeld tekst waar een getal hoort).
error-invalid-value = Deze waarde is niet geldig.
error-cross-site = Dit formulier kwam van een andere website. Om u te beschermen hebben we het niet verwerkt.
error-email-invalid = Dit is geen geldig e-mailadres.
error-too-long = Deze tekst is te lang.
error-control-characters = Deze tekst bevat onzichtbare besturingstekens.
error-password-too-short = Het wachtwoord moet minstens 10 tekens hebben.
error-password-too-long = Het wachtwoord mag hoogstens 256 tekens hebben.
error-password-common = Dit wachtwoord is te makkelijk te raden. Kies een ander, bijvoorbeeld een korte zin.
error-second-factor-required = Stuur ook de code uit uw app voor tweestapsverificatie mee (veld totp).
error-second-factor-enrolment = Uw organisatie vraagt om tweestapsverificatie. Stel die eerst in via de website.

## Inloggen
login-title = Inloggen
login-intro = Log in met uw e-mailadres en wachtwoord.
login-submit = Inloggen
login-invalid = Het e-mailadres of het wachtwoord klopt niet.
field-email = E-mailadres
field-password = Wachtwoord
field-name = Naam
field-code = Code (6 cijfers)
code-title = Code invullen
code-intro = Open de app voor tweestapsverificatie op uw telefoon. Vul de code van 6 cijfers in.
code-submit = Bevestigen
code-cancel = Stoppen met inloggen
code-invalid = Deze code klopt niet of is verlopen. Probeer de nieuwste code.

## Start
home-title = Start
home-greeting = Welkom, { $name }
home-roles = U werkt hier als:
home-pro-title = Uw dossiers
home-pro-text = Hier komen de dossiers van uw teams: het netwerk van de jongere, het plan en de metingen.
home-coordinator-title = Vrijwilligers en koppelingen
home-coordinator-text = Hier volgt u vrijwilligers en hun koppelingen met gezinnen en jongeren.
home-analyst-title = Inzicht
home-analyst-text = Hier ziet u cijfers over alle dossiers samen. U ziet nooit gegevens van één persoon.
home-admin-title = Beheer
home-account-link = Wachtwoord en tweestapsverificatie

## Rollen
role-admin = Beheerder
role-professional = Jeugdprofessional
role-coordinator = Coördinator
role-analyst = Analist
role-youth = Jongere
role-parent = Ouder
role-support-figure = Steunfiguur

## Account
account-title = Mijn account
account-roles = Rollen
account-password-title = Wachtwoord wijzigen
account-current-password = Huidig wachtwoord
account-new-password = Nieuw wachtwoord
account-repeat-password = Herhaal nieuw wachtwoord
account-password-hint = Minstens 10 tekens. Een korte zin is sterk en makkelijk te onthouden.
account-password-submit = Wachtwoord opslaan
account-password-changed = Uw wachtwoord is gewijzigd. U bent overal anders uitgelogd.
account-current-wrong = Uw huidige wachtwoord klopt niet.
account-repeat-differs = De twee nieuwe wachtwoorden zijn niet gelijk.
account-totp-on = Tweestapsverificatie staat aan.
account-totp-off = Tweestapsverificatie staat uit. Met een code van uw telefoon is uw account veel beter beschermd.
account-totp-setup = Tweestapsverificatie instellen
account-totp-remove = Tweestapsverificatie uitzetten
account-totp-enabled = Tweestapsverificatie staat nu aan.
account-totp-removed = Tweestapsverificatie staat nu uit.
account-totp-required = Uw organisatie vraagt tweestapsverificatie voor uw rol. U kunt het niet uitzetten.
totp-title = Tweestapsverificatie
totp-required-notice = Uw organisatie vraagt om tweestapsverificatie. Stel het nu in; daarna kunt u verder.
totp-step-app = Installeer een app voor tweestapsverificatie op uw telefoon (bijvoorbeeld een authenticator-app).
totp-step-key = Voeg in de app een account toe met deze sleutel:
totp-open-app = Of open de sleutel direct in de app op dit apparaat
totp-step-code = Vul de code van 6 cijfers in die de app nu laat zien.
totp-submit = Aanzetten

## Beheer
admin-users-title = Gebruikers
admin-users-caption = Alle accounts van uw organisatie
admin-users-status = Status
admin-users-actions = Acties
admin-users-disabled = Geblokkeerd
admin-users-active = Actief
admin-users-totp = tweestaps aan
admin-users-enable = Deblokkeren
admin-users-disable = Blokkeren
admin-users-new = Nieuwe gebruiker
admin-users-initial-password = Eerste wachtwoord
admin-users-create = Gebruiker aanmaken
admin-users-role-required = Kies minstens één rol.
admin-users-team-unknown = Een gekozen team bestaat niet (meer).
admin-users-not-self = U kunt uw eigen account niet blokkeren.
admin-settings-title = Instellingen van de organisatie
admin-settings-require-totp = Tweestapsverificatie verplicht voor beheerders en jeugdprofessionals
admin-settings-save = Instellingen opslaan
admin-teams-title = Teams
admin-teams-none = Er zijn nog geen teams.
admin-teams-new = Nieuw team
admin-teams-create = Team aanmaken
admin-teams-exists = Er is al een team met deze naam.

## Logboek
audit-title = Logboek
audit-intro = Wie heeft wat gelezen of veranderd, en wanneer. Het logboek kan niet worden aangepast.
audit-from = Vanaf
audit-until = Tot en met
audit-user = Gebruiker
audit-everyone = Iedereen
audit-case = Dossier
audit-filter = Zoeken
audit-caption = Logregels, nieuwste eerst
audit-col-id = Nr.
audit-col-time = Tijd
audit-col-action = Handeling
audit-col-outcome = Resultaat
audit-col-role = Rol
audit-col-object = Onderwerp
audit-col-source = Adres
audit-empty = Geen logregels gevonden.
audit-older = Oudere logregels
audit-bad-date = Een datum is niet goed. Gebruik jjjj-mm-dd.
audit-operator = Beheer (opdrachtregel)
audit-action-login = Ingelogd
audit-action-login-failed = Inloggen mislukt
audit-action-login-throttled = Inloggen tijdelijk geblokkeerd
audit-action-logout = Uitgelogd
audit-action-read = Gelezen
audit-action-create = Aangemaakt
audit-action-update = Gewijzigd
audit-action-delete = Verwijderd
audit-action-export = Geëxporteerd
audit-action-search = Gezocht
audit-outcome-success = Gelukt
audit-outcome-failure = Mislukt
audit-outcome-denied = Geweigerd

## Dossiers
nav-cases = Dossiers
cases-title = Dossiers
cases-search-label = Zoek op naam van de jongere
cases-search = Zoeken
cases-include-closed = Ook gesloten dossiers
cases-new = Nieuw dossier
cases-none = Geen dossiers gevonden.
cases-more = Meer dossiers
case-age = { $age ->
    [one] { $age } jaar
   *[other] { $age } jaar
}
case-closed = gesloten
case-new-title = Nieuw dossier
case-edit-title = Dossier wijzigen
case-youth = De jongere
case-field-youth-name = Naam
case-field-preferred-name = Roepnaam (als die anders is)
case-field-birth-date = Geboortedatum
case-field-gender = Gender (als de jongere dat wil noemen)
case-field-setting = Soort hulp
case-field-team-id = Team
case-field-network-lead = Netwerkregisseur
case-field-parents = Ouders
case-lead-hint = De professional die zorgt dat het netwerk meedoet.
case-no-lead = Nog niemand
case-parents = Ouders en opvoeders
case-parent-1 = Ouder of opvoeder 1
case-parent-2 = Ouder of opvoeder 2
case-parent-gezag = Heeft gezag
case-has-gezag = heeft gezag
case-no-parents = Niet ingevuld
case-save = Opslaan
case-cancel = Annuleren
case-details = Gegevens
case-opened-on = Geopend op
case-closed-on = Gesloten op
case-edit = Gegevens wijzigen
case-close = Dossier sluiten
case-reopen = Dossier heropenen
setting-wijkteam = Wijkteam
setting-ambulant-specialist = Ambulant specialistisch
setting-residential = Residentieel (wonen in een instelling)
setting-jeugdzorgplus = JeugdzorgPlus (gesloten jeugdzorg)
setting-foster-care = Pleegzorg
setting-crisis = Crisishulp
error-date-format = Vul een datum in als jjjj-mm-dd.
error-birth-date-future = De geboortedatum ligt in de toekomst.
error-birth-date-too-old = Deze jongere is te oud voor jeugdhulp (ouder dan 27).
error-too-many = Dit zijn er te veel.
error-team-or-lead-unknown = Het team of de netwerkregisseur bestaat niet in uw organisatie.

## Netwerk: woorden
sector-family = Familie
sector-friends = Vrienden en kennissen
sector-neighbourhood = Buurt
sector-school-work = School en werk
sector-leisure = Vrije tijd en clubs
sector-community = Geloof en gemeenschap
sector-professional = Hulpverlening
level-voluntary-individual = Vrijwillig, één persoon
level-voluntary-collective = Vrijwillig, groep (club, kerk, moskee, buurthuis)
level-professional-individual = Beroepskracht (leraar, jongerenwerker, hulpverlener)
level-professional-collective = Organisatie (school, zorginstelling, gemeente)
support-emotional = Gevoelens
support-practical = Praktisch
support-advice = Advies
support-role-model = Voorbeeld
support-parental = Opvoeding
support-financial = Geld
support-mobilising = Deuren openen
direction-to-youth = geeft aan de jongere
direction-from-youth = krijgt van de jongere
direction-mutual = over en weer
tie-knows = kennen elkaar
tie-supportive = steunend
tie-ambivalent = wisselend
tie-stressful = gespannen
tie-broken = verbroken
stance-chosen = gekozen door de jongere
stance-accepted = geaccepteerd
stance-neutral = neutraal
stance-rejected = niet gewenst door de jongere
member-role-support-figure = Steunfiguur
member-role-citizen-guardian = Burgervoogd
member-role-network-foster-parent = Netwerkpleegouder
member-role-parent-with-gezag = Ouder met gezag
known-less-than-one = korter dan een jaar
known-one-to-five = 1 tot 5 jaar
known-more-than-five = langer dan 5 jaar
contact-not-at-all = nooit
contact-few-times-a-year = een paar keer per jaar
contact-monthly = elke maand
contact-weekly = elke week
contact-daily = elke dag
ring-1 = Dichtbij (binnenste cirkel)
ring-2 = Middelste cirkel
ring-3 = Verder weg (buitenste cirkel)

## Netwerk: kaart
map-title = Netwerkcirkel van { $name }
map-youth = de jongere
map-description = De jongere in het midden, met de mensen eromheen naar hoe dichtbij ze staan en uit welk deel van het leven ze komen.
map-informal = Eigen kring
map-formal = Hulpverlening
map-rejected = Niet gewenst door de jongere
map-near = Dichtbij
map-far = Verder weg
map-level-unknown = Niveau onbekend

## Netwerk: zinnen
network-empty = Er staat nog niemand in het netwerk.
network-size = { $count ->
    [one] Er staat één persoon in het netwerk
   *[other] Er staan { $count } mensen in het netwerk
}: { $informal } uit de eigen kring van de jongere en { $professional } { $professional ->
    [one] professional
   *[other] professionals
}.
network-available-adult = { $count ->
    [one] Er is één volwassene uit de eigen kring die nu kan helpen.
   *[other] Er zijn { $count } volwassenen uit de eigen kring die nu kunnen helpen.
}
network-no-available-adult = Er is nog geen volwassene uit de eigen kring die kan helpen. Begin klein: wie zou die ene persoon kunnen zijn?
network-support-emotional = { $count ->
    [0] Niemand uit de eigen kring geeft steun bij gevoelens (luisteren, troosten).
    [one] Eén persoon uit de eigen kring geeft steun bij gevoelens (luisteren, troosten).
   *[other] { $count } mensen uit de eigen kring geven steun bij gevoelens (luisteren, troosten).
}
network-support-practical = { $count ->
    [0] Niemand uit de eigen kring geeft praktische hulp (vervoer, eten, een slaapplek).
    [one] Eén persoon uit de eigen kring geeft praktische hulp (vervoer, eten, een slaapplek).
   *[other] { $count } mensen uit de eigen kring geven praktische hulp (vervoer, eten, een slaapplek).
}
network-support-advice = { $count ->
    [0] Niemand uit de eigen kring geeft advies en informatie.
    [one] Eén persoon uit de eigen kring geeft advies en informatie.
   *[other] { $count } mensen uit de eigen kring geven advies en informatie.
}
network-support-role-model = { $count ->
    [0] Niemand uit de eigen kring is een voorbeeld voor de jongere.
    [one] Eén persoon uit de eigen kring is een voorbeeld voor de jongere.
   *[other] { $count } mensen uit de eigen kring zijn een voorbeeld voor de jongere.
}
network-support-parental = { $count ->
    [0] Niemand uit de eigen kring helpt bij zorg en toezicht.
    [one] Eén persoon uit de eigen kring helpt bij zorg en toezicht.
   *[other] { $count } mensen uit de eigen kring helpen bij zorg en toezicht.
}
network-support-financial = { $count ->
    [0] Niemand uit de eigen kring helpt met geld.
    [one] Eén persoon uit de eigen kring helpt met geld.
   *[other] { $count } mensen uit de eigen kring helpen met geld.
}
network-support-mobilising = { $count ->
    [0] Niemand uit de eigen kring brengt de jongere in contact met andere mensen of hulp.
    [one] Eén persoon uit de eigen kring brengt de jongere in contact met andere mensen of hulp.
   *[other] { $count } mensen uit de eigen kring brengen de jongere in contact met andere mensen of hulp.
}
network-gaps = { $count ->
    [one] Voor één soort steun
   *[other] Voor { $count } soorten steun
} zijn er minder dan twee mensen uit de eigen kring die deze steun geven.
network-inner-ring = { $count ->
    [0] Niemand staat in de binnenste cirkel.
    [one] Eén van de { $total } mensen staat in de binnenste cirkel.
   *[other] { $count } van de { $total } mensen staan in de binnenste cirkel.
}
network-sectors = { $count ->
    [one] Iedereen komt uit één deel van het leven (zoals familie of school).
   *[other] De mensen komen uit { $count } van de { $total } delen van het leven (zoals familie, school en clubs).
}
network-density = Van alle tweetallen in het netwerk kent { $percent }% elkaar.
network-isolates = { $count ->
    [one] Eén persoon kent verder niemand in het netwerk.
   *[other] { $count } mensen kennen verder niemand in het netwerk.
}
network-bridges = { $count ->
    [one] Eén persoon verbindt verschillende delen van het leven van de jongere.
   *[other] { $count } mensen verbinden verschillende delen van het leven van de jongere.
}
network-multiplex = { $count ->
    [one] Eén persoon geeft meer dan één soort steun.
   *[other] { $count } mensen geven meer dan één soort steun.
}
network-reciprocity = { $count } van de { $total } mensen die de jongere steunen, krijgen ook steun van de jongere.
network-strained = { $count ->
    [one] Eén relatie is gespannen of verbroken.
   *[other] { $count } relaties zijn gespannen of verbroken.
}
network-risk-notes = { $count ->
    [one] Bij één persoon is een risico genoteerd.
   *[other] Bij { $count } mensen is een risico genoteerd.
}
network-rejected = { $count ->
    [one] De jongere wil één persoon er niet bij hebben.
   *[other] De jongere wil { $count } mensen er niet bij hebben.
}
error-ring-range = Kies cirkel 1, 2 of 3.
error-role-needs-adult = Alleen een volwassene kan deze rol hebben.
error-tie-self = Iemand kan geen relatie met zichzelf hebben.
error-tie-members-unknown = Beide mensen moeten in het netwerk van dit dossier staan.
error-date-future = Deze datum ligt in de toekomst.

## Netwerk: pagina's
network-title = Netwerkcirkel
network-summary = In het kort
view-label = Andere weergaven
view-circle = Cirkel
view-quadrant = Samen opvoeden (dichtbij/veraf × informeel/formeel)
view-levels = Vier niveaus
view-without-professionals = Zonder hulpverleners
view-pseudonymised = Met initialen (voor bespreking)
view-hide-rejected = Zonder niet-gewenste mensen
map-caption = Klik op iemand om de gegevens te zien of te wijzigen. De tabel hieronder zegt hetzelfde in woorden.
print-link = Afdrukken
print-title = Netwerkcirkel afdrukken
print-date = Afgedrukt op { $date }
fast-title = Snel iemand toevoegen
fast-submit = Toevoegen
fast-hint = Na toevoegen kunt u meteen de volgende persoon invullen. Meer gegevens vult u later in bij de persoon zelf.
people-title = Mensen in het netwerk
people-caption = Iedereen in het netwerk, met cirkel, deel van het leven en steun
ties-title = Relaties tussen mensen
ties-none = Er zijn nog geen relaties tussen mensen vastgelegd.
ties-remove = Weghalen
tie-from = Tussen
tie-to = en
tie-kind = Soort relatie
tie-form-title = Relatie vastleggen
versions-title = Versies
versions-none = Er is nog geen versie bewaard. Bewaar de kaart om later te zien wat er veranderd is.
versions-members = { $count ->
    [one] { $count } persoon
   *[other] { $count } mensen
}
version-field-title = Naam van de versie
version-title-example = bijvoorbeeld: na het netwerkberaad
version-field-date = Datum
version-save = Versie bewaren
compare-from = Vergelijk
compare-to = met
compare-current = de kaart zoals die nu is
compare-submit = Vergelijken
compare-title = Versies vergelijken
compare-overlap = { $percent } van de mensen is gebleven
compare-people = Wat er veranderde bij mensen
compare-no-changes = Niemand kwam erbij, ging weg of veranderde.
compare-joined = kwam erbij
compare-left = ging weg
compare-moved = ging van cirkel { $from } naar cirkel { $to }
compare-quality = relatie veranderde van { $from } naar { $to }
compare-indicators = Alle cijfers naast elkaar
compare-indicator = Cijfer
member-back = Terug naar het dossier
member-edit-title = { $name }
member-kind = Soort
member-has-risk = risico
member-unknown = Weet ik niet
member-support-none = Geen
member-relation-example = bijvoorbeeld: oma, trainer, buurvrouw
member-field-name = Naam of bijnaam
member-field-relation = Wie is dit voor de jongere?
member-field-ring = Hoe dichtbij
member-field-sector = Deel van het leven
member-field-level = Soort steun (niveau)
member-field-support = Steun
member-field-tie-quality = Hoe is de relatie met de jongere?
member-field-stance = Wat vindt de jongere?
member-field-roles = Rol
member-field-known-years = Hoe lang kennen ze elkaar?
member-field-contact-frequency = Hoe vaak zien ze elkaar?
member-field-available = Is nu beschikbaar om te helpen
member-field-is-adult = Is volwassen
member-field-protective = Wat beschermt (sterke kanten)
member-field-risk = Zorgen of risico's
member-field-from = Van
member-field-to = Naar
member-field-kind = Soort
member-stance-hint = De jongere mag mensen afwijzen. Dan vragen we die persoon niet om mee te doen.
member-risk-hint = Bijvoorbeeld: loyaliteit kan melden van onveiligheid in de weg staan.
member-save = Opslaan
member-remove = Uit het netwerk halen
yes = ja
no = nee
csv-id = Nummer
download-label = Downloaden:
download-svg = plaatje (SVG)
download-members-csv = mensen (CSV)
download-ties-csv = relaties (CSV)

## Deelnemers en uitnodigingen
participants-title = Mensen die meedoen
participants-intro = Nodig de jongere, ouders en steunfiguren uit. Ze krijgen een eigen account en zien alleen wat ze mogen zien.
participant-kind = Wie
participant-kind-youth = de jongere
participant-kind-parent = ouder
participant-kind-support-figure = steunfiguur
participant-member = Is in het netwerk
participant-member-none = (geen)
participant-parent = Welke ouder
participant-invite = Uitnodigen
participant-revoke = Uitnodiging intrekken
participant-reinvite = Nieuwe code maken
participant-status-active = doet mee
participant-status-invited = uitgenodigd, code geldig tot { $date }
participant-status-expired = code verlopen
participant-status-revoked = uitnodiging ingetrokken
participant-status-none = nog niet uitgenodigd
participant-invalid = Vul in wie u uitnodigt en hoe die persoon heet.
participant-already-active = Deze persoon doet al mee.
invitation-created-title = Uitnodiging gemaakt
invitation-created-for = Geef deze code aan { $name }. Dat kan persoonlijk of in een bericht.
invitation-created-link = Of stuur deze link:
invitation-created-expires = De code werkt één keer en is geldig tot { $date }.
invitation-created-once = U ziet de code alleen nu. Kwijt? Maak dan een nieuwe code.
invite-title = Uitnodiging voor Steunkring
invite-greeting = Je bent uitgenodigd om mee te doen als { $kind }.
invite-invalid = Deze code werkt niet. Misschien is hij al gebruikt, ingetrokken of verlopen. Vraag om een nieuwe code.
invite-intro = Maak je account. Daarna kun je meteen beginnen.
invite-your-name = Je naam
invite-choose-password = Kies een wachtwoord
invite-accept = Account maken en meedoen
invite-existing = Je bent ingelogd als { $name }.
invite-accept-existing = Meedoen met dit account
invite-or-new = Of maak een nieuw account
invite-email-taken = Er is al een account met dit e-mailadres. Log eerst in en open de link dan opnieuw.
invite-type-code = Code intypen
invite-code = Code
invite-code-hint = De code heeft 16 letters en cijfers, bijvoorbeeld ABCD-EFGH-JKLM-NPQR.
invite-continue = Verder

## Toestemming en delen
consent-framework-voluntary = Vrijwillige hulp
consent-framework-supervision-order = Ondertoezichtstelling (OTS)
consent-framework-guardianship = Voogdij
consent-framework-jeugdzorgplus = JeugdzorgPlus (gesloten jeugdhulp)
consent-framework-voluntary-note = De gewone regels voor toestemming gelden. Zonder toestemming wordt niets gedeeld, behalve met wie direct bij de hulp betrokken is.
consent-framework-supervision-order-note = Er is een ondertoezichtstelling. De ouders houden het gezag, dus de gewone regels voor toestemming gelden. De gecertificeerde instelling mag zonder toestemming delen wat nodig is voor de maatregel, met wie direct betrokken is.
consent-framework-guardianship-note = Er is voogdij. De voogd beslist in plaats van de ouders. De ouders geven geen toestemming. Heeft een gecertificeerde instelling de voogdij? Dan mag die zonder toestemming delen wat nodig is voor de maatregel, met wie direct betrokken is.
consent-framework-jeugdzorgplus-note = De jongere krijgt gesloten jeugdhulp. De gewone regels voor toestemming gelden. Is er ook een ondertoezichtstelling of voogdij? Kies dan dat kader.
consent-rule-under-twelve = De jongere is jonger dan 12. Daarom geven de ouders met gezag toestemming.
consent-rule-twelve-to-fifteen = De jongere is 12 tot en met 15 jaar. Daarom geven de jongere én de ouders met gezag allebei toestemming.
consent-rule-sixteen-plus = De jongere is 16 jaar of ouder en beslist zelf. De ouders hoeven geen toestemming te geven.
consent-rule-guardianship-under-twelve = Er is voogdij en de jongere is jonger dan 12. Daarom geeft de voogd toestemming.
consent-rule-guardianship-twelve-to-fifteen = Er is voogdij en de jongere is 12 tot en met 15 jaar. Daarom geven de jongere én de voogd allebei toestemming.
consent-rule-no-gezag-under-twelve = Let op: in het dossier staat niemand met gezag. De jongere is jonger dan 12, dus nu kan niemand toestemming geven. Zoek uit wie het gezag heeft en zet dat in het dossier.
consent-rule-no-gezag-twelve-to-fifteen = Let op: in het dossier staat niemand met gezag. Daarom vragen we nu alleen de jongere om toestemming. Zoek uit wie het gezag heeft en zet dat in het dossier.
consent-category-network-map = Netwerkkaart
consent-category-plan = Plan
consent-category-safety-section = Veiligheidsafspraken
consent-category-measurements = Metingen
consent-category-notes = Werkaantekeningen
consent-category-contact-details = Contactgegevens
consent-status-pending = Wacht op toestemming
consent-status-active = Geldt
consent-status-not-yet-valid = Geldt nog niet
consent-status-expired = Verlopen
consent-status-withdrawn = Ingetrokken
visibility-professional-involved = Werkt in het team van dit dossier en is direct betrokken bij de hulp.
visibility-administrator = Is beheerder: regelt het dossier, maar is niet betrokken bij de hulp. Ziet dit daarom niet.
visibility-outsider = Is niet betrokken bij de hulp aan deze jongere. Ziet dit daarom niet.
visibility-youth-own = Dit gaat over de jongere zelf. Daarom ziet de jongere het.
visibility-notes-working-notes = Dit zijn werkaantekeningen van de professional. Die worden niet vanzelf gedeeld.
visibility-parent-gezag = Deze ouder heeft gezag en de jongere is jonger dan 16. De ouder is dan wettelijk vertegenwoordiger en ziet dit.
visibility-parent-no-gezag = Deze ouder heeft geen gezag. Die ziet dit alleen als er toestemming is.
visibility-parent-guardianship = Er is voogdij. De ouders hebben geen gezag en zien dit alleen als er toestemming is.
visibility-guardian = Dit is de voogd en de jongere is jonger dan 16. De voogd is dan wettelijk vertegenwoordiger en ziet dit.
visibility-guardian-not-recorded = In dit dossier staat geen voogdij. Deze persoon ziet dit daarom alleen als er toestemming is.
visibility-youth-sixteen-decides = De jongere is 16 jaar of ouder en beslist zelf wie dit ziet.
visibility-consent-active = Er is toestemming om dit te delen.
visibility-consent-active-until = Er is toestemming om dit te delen, tot en met { $until }.
visibility-consent-pending = Er is om toestemming gevraagd. { $count ->
    [one] Er moet nog één persoon toestemming geven.
   *[other] Er moeten nog { $count } personen toestemming geven.
}
visibility-consent-nobody-to-give = Er is om toestemming gevraagd, maar niemand kan die geven: in het dossier staat niemand met gezag.
visibility-consent-not-yet-valid = Er is toestemming, maar die geldt pas vanaf { $from }.
visibility-consent-expired = Er was toestemming, maar die gold tot en met { $until }.
visibility-consent-withdrawn = De toestemming is ingetrokken op { $on }.
visibility-no-consent = Er is geen toestemming om dit met deze persoon te delen.
visibility-withheld = De professional deelt dit niet, omdat delen de jongere kan schaden. Reden: { $reason }
visibility-withheld-neutral = Dit wordt nu niet gedeeld. Vragen hierover? Neem contact op met de hulpverlener.
error-consent-period-order = De einddatum ligt vóór de begindatum. Kies een einddatum op of na de begindatum.
guide-question-directly-involved = Is de ontvanger direct betrokken bij de hulp aan deze jongere?
guide-question-consent-given = Heeft de juiste persoon toestemming gegeven?
guide-question-legal-duty = Is er een wettelijke plicht of grond om te delen?
guide-question-right-to-report = Is er een meldrecht? Bijvoorbeeld bij een vermoeden van kindermishandeling of huiselijk geweld.
guide-question-conflict-of-duties = Is er een conflict van plichten?
guide-help-directly-involved = Direct betrokken is wie samen met u hulp geeft aan deze jongere, of u vervangt. Bijvoorbeeld een collega in het team. Een school, sportclub of familielid is meestal niet direct betrokken.
guide-help-consent-given = Wie toestemming geeft, hangt af van de leeftijd. Jonger dan 12: de ouders met gezag. 12 tot en met 15: de jongere én de ouders met gezag. 16 of ouder: de jongere zelf. Bij voogdij beslist de voogd in plaats van de ouders. De toestemming moet gaan over deze informatie en deze ontvanger.
guide-help-legal-duty = Soms zegt de wet dat u informatie moet of mag delen. Bijvoorbeeld bij een ondertoezichtstelling: de gecertificeerde instelling mag delen wat nodig is voor de maatregel.
guide-help-right-to-report = Heeft u een vermoeden van kindermishandeling of huiselijk geweld? Dan mag u dat melden bij Veilig Thuis, ook zonder toestemming. Volg daarbij de stappen van de meldcode.
guide-help-conflict-of-duties = Er is een conflict van plichten als u alleen door te delen ernstige schade aan de jongere of een ander kunt voorkomen. Die schade weegt zwaarder dan uw plicht tot geheimhouding. En er is geen andere manier, zoals eerst toestemming vragen.
guide-hint-legal-duty-measure = In dit dossier staat een ondertoezichtstelling of voogdij. Werkt u voor de gecertificeerde instelling? Dan mag u delen wat nodig is voor de maatregel, met wie direct betrokken is.
guide-outcome-share = Delen
guide-outcome-share-only-needed = Alleen delen wat nodig is
guide-outcome-do-not-share = Niet delen
guide-outcome-consult-first = Eerst overleggen
guide-advice-directly-involved = U mag delen wat de ontvanger nodig heeft voor de hulp, en niet meer. Vertel de jongere en de ouders wat u deelt en met wie. Hebben zij bezwaar? Bespreek dat dan eerst.
guide-advice-consent = U mag delen waarvoor toestemming is gegeven: alleen deze informatie, met deze ontvanger. Leg vast wie toestemming gaf, wanneer en hoe.
guide-advice-legal-duty = U mag delen wat nodig is voor de taak die de wet geeft, en niet meer. Vertel de jongere en de ouders wat u deelt, behalve als dat de veiligheid in gevaar brengt.
guide-advice-right-to-report = Volg de stappen van de meldcode. Overleg eerst met een collega en vraag advies aan Veilig Thuis. Besluit u te melden? Dan mag u Veilig Thuis zonder toestemming vertellen wat nodig is. Bespreek de melding als het kan eerst met de jongere en de ouders.
guide-advice-conflict-of-duties = Overleg eerst met een collega of de gedragswetenschapper. Deel alleen als dat echt de enige manier is om ernstige schade te voorkomen, en deel dan niet meer dan nodig. Schrijf op hoe u dit heeft afgewogen.
guide-advice-do-not-share = Deel deze informatie niet. Vraag eerst toestemming aan wie die moet geven. U mag de situatie wel zonder namen met een collega bespreken.
guide-basis-directly-involved = Wie direct betrokken is bij de hulp, telt niet als derde (Jeugdwet artikel 7.3.11 lid 2; WGBO artikel 7:457 lid 2).
guide-basis-consent = Toestemming van de jongere of de ouders met gezag, passend bij de leeftijd (Jeugdwet artikel 7.3.4 en 7.3.11 lid 1).
guide-basis-legal-duty = Een wettelijke plicht of grond, zoals de taak van de gecertificeerde instelling bij een kinderbeschermingsmaatregel.
guide-basis-right-to-report = Meldrecht bij Veilig Thuis (Wmo 2015 artikel 5.2.6) en de meldcode huiselijk geweld en kindermishandeling.
guide-basis-conflict-of-duties = Conflict van plichten: de plicht tot geheimhouding mag wijken als alleen delen ernstige schade kan voorkomen.
guide-basis-confidentiality = Beroepsgeheim: zonder toestemming of een andere grond deelt u niets met anderen (Jeugdwet artikel 7.3.11 lid 1).

## Mijn pagina (jongere, ouder, steunfiguur)
home-my-network = Mijn netwerk
home-network-of = Het netwerk van { $name }
mine-title-youth = Mijn netwerk
mine-title = Het netwerk van { $name }
mine-role = Je doet mee als { $kind }.
mine-my-role = Jouw rol: { $role }
mine-people = De mensen om je heen
mine-hide-rejected = Verberg mensen die je er niet bij wilt
mine-show-rejected = Laat iedereen zien
mine-stance-label = Wat vind jij van { $name }?
mine-stance-save = Opslaan
mine-add-title = Iemand toevoegen
mine-add-relation = Wie is dit voor jou?
mine-add-invalid = Vul een naam in en kies een cirkel en een deel van je leven.
mine-consents = Toestemming
mine-consents-intro = Hier beslis je wie wat mag zien. Je kunt je toestemming altijd weer intrekken.
mine-consent-line = { $what } delen met
mine-consent-give = Ik geef toestemming
mine-consent-withdraw = Toestemming intrekken
mine-log-link = Wie keek in het dossier?
mine-log-title = Wie keek in het dossier
mine-log-intro = Hier zie je wie iets las of veranderde in het dossier, en wanneer.
recipient-support-figures = steunfiguren
recipient-parents = ouders
recipient-youth = de jongere

## Delen (professional)
sharing-title = Delen en toestemming
sharing-framework = Kader van de hulp
sharing-who-decides = Wie beslist:
sharing-consents = Toestemmingen
sharing-no-consents = Er is nog geen toestemming gevraagd.
sharing-party = Wie gaf toestemming
sharing-how = Hoe
sharing-how-example = bijvoorbeeld: in het gesprek van vandaag
sharing-record-given = Toestemming vastleggen
sharing-withdrawn-by = Ingetrokken door
sharing-ask = Toestemming vragen
sharing-what = Welke informatie
sharing-with-whom = Met wie
sharing-until = Geldig tot (mag leeg)
sharing-ask-submit = Toestemming vragen
sharing-withhold = Niet delen om de jongere te beschermen
sharing-withhold-intro = Soms schaadt delen de jongere. Dan kunt u informatie achterhouden, ook als er toestemming is. Schrijf op waarom.
sharing-from-whom = Voor wie
sharing-reason = Reden
sharing-withhold-submit = Niet delen
sharing-lift = Weer delen
sharing-matrix = Wie ziet wat, en waarom
sharing-matrix-caption = Per persoon en per soort informatie: mag die het zien, en waarom (niet)
sharing-person = Persoon
party-guardian = de voogd
recipient-all-support-figures = alle steunfiguren
recipient-all-parents = alle ouders
consent-given-by = gegeven door
consent-how-required = Vul in hoe de toestemming is gegeven.
consent-not-needed = Deze persoon hoeft hier geen toestemming voor te geven, of deed dat al.
withhold-reason-required = Schrijf op waarom u dit niet deelt.

## Afwegingskader (pagina)
guide-title = Mag ik dit delen? (afwegingskader)
guide-intro = Wilt u informatie delen met iemand buiten de hulp, of informatie vragen? Beantwoord de vragen. U krijgt een advies en legt uw besluit vast.
guide-recipient = Met wie wilt u delen?
guide-information = Welke informatie?
guide-advice = Advies
guide-decision = Uw besluit
guide-reasons = Waarom (uw afweging)
guide-record = Besluit vastleggen
guide-again = Opnieuw beginnen
guide-past = Eerdere besluiten
guide-no-past = Er zijn nog geen besluiten vastgelegd.
guide-advised = advies:
guide-incomplete = Beantwoord eerst alle vragen die nodig zijn.
guide-fill-all = Vul in met wie u deelt, welke informatie en waarom.

## Rights of the young person and parents: access, rectification, destruction
nav-retention = Bewaartermijn
rights-link = Inzage en vernietigen
rights-title = Rechten van de jongere en ouders
rights-intro = De jongere en de ouders mogen zien wat er over hen is vastgelegd. Ze mogen vragen om iets te verbeteren. Ze mogen ook vragen om het dossier te vernietigen.
rights-back-to-case = Terug naar het dossier
rights-access-title = Inzage
rights-access-text = Vraagt iemand om inzage? Download dan alles wat over dit dossier is vastgelegd. Lees het eerst goed door. Geef het daarna aan de persoon.
rights-access-download = Download alle gegevens (ZIP)
rights-access-not-allowed = Alleen de professionals van het team kunnen de gegevens downloaden.
rights-rectify-title = Verbeteren
rights-rectify-text = Klopt er iets niet? Pas het aan op de pagina van het dossier. Elke wijziging wordt vastgelegd: wie, wat en wanneer.
rights-destroy-title = Vernietigen
rights-destroy-text = De jongere of een ouder kan vragen om het dossier te vernietigen. U moet dat binnen 3 maanden doen. Dat mag alleen niet als de wet dat verbiedt. Bijvoorbeeld als de gegevens heel belangrijk zijn voor iemand anders. Schrijf dan op waarom.
rights-requested-by = Wie vroeg erom
rights-received-on = Ontvangen op
rights-deadline = Uiterlijk klaar op
rights-deadline-on = uiterlijk { $date }
rights-overdue = Te laat
rights-note = Opmerking
rights-status = Stand
rights-status-requested = Nog niet afgehandeld
rights-status-refused = Niet vernietigd (wettelijke uitzondering)
rights-exception-reason = Waarom niet vernietigen
rights-exception-hint = Bijvoorbeeld: de gegevens zijn heel belangrijk voor een ander, of een wet zegt dat we ze moeten bewaren (Jeugdwet artikel 7.3.9 lid 2).
rights-refuse-button = Niet vernietigen
rights-destroy-button = Dossier vernietigen
rights-new-request = Verzoek om vernietiging vastleggen
rights-record-button = Verzoek vastleggen
rights-party-youth = { $name } (jongere)
rights-party-parent = { $name } (ouder)
rights-party-guardian = Voogd
rights-case-notice = Er is gevraagd om dit dossier te vernietigen. Handel dit af vóór { $date }.
rights-case-notice-link = Naar het verzoek
rights-error-party = Kies wie erom vroeg.
rights-error-date = Vul de datum in waarop het verzoek binnenkwam.
rights-error-future = Deze datum ligt in de toekomst.
rights-error-reason = Schrijf op waarom het dossier niet vernietigd wordt.
rights-error-confirm = Bevestig dat u het dossier wilt vernietigen.
error-destruction-conflict = Dit kan nu niet. Er is al een open verzoek, of er is geen open verzoek om te vernietigen.
rights-confirm-title = Weet u het zeker?
rights-confirm-text = U gaat het dossier van { $name } vernietigen. Dit kunt u niet terugdraaien.
rights-confirm-retention = De bewaartermijn van 20 jaar is voorbij.
rights-confirm-what = Dit wordt verwijderd
rights-confirm-audit = In het logboek blijft alleen staan dat het dossier is vernietigd, door wie en wanneer. Niet wat erin stond.
rights-confirm-button = Ja, vernietig het dossier
rights-confirm-cancel = Nee, ga terug
rights-destroyed-title = Het dossier is vernietigd
rights-destroyed-text = Alle gegevens van dit dossier zijn verwijderd.
rights-destroyed-accounts = { $count ->
    [one] { $count } account van een deelnemer is uitgezet, omdat deze persoon niet meer aan een dossier meedoet.
   *[other] { $count } accounts van deelnemers zijn uitgezet, omdat deze personen niet meer aan een dossier meedoen.
}
rights-destroyed-back = Terug
rights-table-consent-givings = Gegeven toestemmingen
rights-table-consents = Toestemmingen
rights-table-withholdings = Niet gedeeld
rights-table-sharing-decisions = Besluiten over delen
rights-table-invitations = Uitnodigingen
rights-table-participants = Deelnemers
rights-table-ties = Banden
rights-table-map-versions = Versies van de kaart
rights-table-members = Mensen in het netwerk
rights-table-case-parents = Ouders
rights-table-destruction-requests = Verzoeken om vernietiging
rights-table-cases = Het dossier zelf
home-destruction-title = Verzoeken om vernietiging
home-destruction-none = Er zijn geen open verzoeken.
retention-title = Bewaartermijn voorbij
retention-intro = Een gesloten dossier bewaren we 20 jaar na de laatste wijziging. Daarna moet het weg. Bekijk deze dossiers en vernietig ze.
retention-none = Er zijn geen dossiers waarvan de bewaartermijn voorbij is.
retention-caption = Gesloten dossiers, langer dan 20 jaar niet gewijzigd
retention-name = Jongere
retention-team = Team
retention-closed-on = Gesloten op
retention-last-change = Laatste wijziging
retention-action = Actie
retention-destroy = Vernietigen
history-title = Geschiedenis
history-none = Nog niets veranderd.
history-removed = Uit het netwerk gehaald.

## The one plan
case-tabs-label = Onderdelen van het dossier
case-tab-network = Netwerk
case-tab-plan = Plan
case-tab-meetings = Netwerkberaad
case-tab-support = Steunfiguren
case-tab-sharing = Delen
form-has-errors = Niet alles is goed ingevuld:
error-out-of-range = Dit getal valt buiten wat kan.
error-date-time = Vul een datum en tijd in, bijvoorbeeld 2026-12-15 19:30.
plan-title = Het plan
plan-not-adopted = Dit plan is nog niet vastgesteld.
plan-version-label = Versie { $number }, vastgesteld op { $date }
plan-signed-by = Akkoord gegeven:
plan-not-signed-by = nog niet:
plan-sign-offs = Akkoord
plan-sign-offs-none = Nog niemand heeft akkoord gegeven.
plan-sign-off-name = Naam
plan-sign-off-on = Akkoord op
plan-download-pdf = Plan als PDF
plan-goals = Doelen
plan-goals-none = Nog geen doelen.
plan-goal = Doel
plan-goal-hint = In de woorden van wie het doel heeft.
plan-goal-holder = Van wie
plan-goal-how-we-know = Hoe weten we dat het gelukt is
plan-add-goal = Doel toevoegen
plan-holder-youth = De jongere
plan-holder-parent = Ouder
plan-holder-network = Het netwerk
plan-holder-professional = De professional
plan-actions = Wie doet wat wanneer
plan-actions-none = Nog geen acties.
plan-action-what = Wat
plan-action-who = Wie
plan-action-due = Wanneer klaar
plan-action-status = Stand
plan-action-goal = Bij welk doel
plan-action-no-goal = Geen bepaald doel
plan-add-action = Actie toevoegen
plan-status-open = Nog niet begonnen
plan-status-doing = Bezig
plan-status-done = Klaar
plan-status-stopped = Gestopt
plan-overdue = Te laat
plan-progress-note = Wat is er gebeurd? (mag leeg)
plan-progress-save = Opslaan
plan-remove = Weghalen
plan-who-youth = { $name } (jongere)
plan-who-parent = { $name } (ouder)
plan-who-professional = { $name } (hulpverlener)
plan-who-unknown = Iemand die niet meer in het netwerk staat
plan-safety = Veiligheid
plan-safety-intro = Alleen wie toestemming heeft voor de veiligheidsafspraken ziet dit deel.
plan-safety-worries = Waar maken we ons zorgen over?
plan-safety-working-well = Wat gaat er goed?
plan-safety-needs = Wat moet er gebeuren?
plan-safety-save = Opslaan
plan-agreements = Veiligheidsafspraken
plan-agreements-none = Nog geen afspraken.
plan-agreement-concern = Zorg
plan-agreement-agreement = Afspraak
plan-agreement-who-watches = Wie let op
plan-agreement-if-wrong = Als het misgaat
plan-add-agreement = Afspraak toevoegen
plan-adopt-title = Plan vaststellen
plan-adopt-text = Het plan zoals het nu is wordt een nieuwe versie. Iedereen die meedoet kan daarna akkoord geven vanuit het eigen account.
plan-adopt-meeting = Vastgesteld in het netwerkberaad van
plan-adopt-no-meeting = Niet in een netwerkberaad
plan-adopt-button = Vaststellen als nieuwe versie
plan-versions = Versies
plan-versions-none = Nog geen versies.
plan-compare-from = Van versie
plan-compare-to = Naar versie
plan-compare-button = Vergelijken
plan-compare-title = Wat veranderde van versie { $from } naar versie { $to }
plan-compare-same = Er is niets veranderd.
plan-back = Terug naar het plan
plan-change-goal-added = Nieuw doel: { $text }
plan-change-goal-removed = Doel weggehaald: { $text }
plan-change-goal-changed = Doel veranderd: { $text }
plan-change-action-added = Nieuwe actie: { $text } ({ $who })
plan-change-action-removed = Actie weggehaald: { $text }
plan-change-action-status = { $text }: van { $from } naar { $to }
plan-change-action-who = { $text }: nu door { $who }
plan-change-action-due = { $text }: nu klaar op { $date }
plan-change-action-text = Actie anders beschreven: { $text }
plan-change-agreement-added = Nieuwe veiligheidsafspraak: { $text }
plan-change-agreement-removed = Veiligheidsafspraak weggehaald: { $text }
plan-change-agreement-changed = Veiligheidsafspraak veranderd: { $text }
plan-change-safety = De zorgen, wat goed gaat of wat moet gebeuren zijn veranderd.
plan-error-conflict = Iemand anders heeft het plan net veranderd. Bekijk het plan opnieuw en doe uw wijziging nog een keer.
plan-error-meeting = Dit netwerkberaad kennen we niet in dit dossier.
plan-handout-title = Plan van { $name }
plan-handout-version = Versie { $number } · vastgesteld op { $date }
plan-handout-draft = Nog niet vastgesteld · afgedrukt op { $date }
plan-handout-for = Afgedrukt voor: { $name }
plan-handout-footer = Vertrouwelijk — Steunkring
plan-handout-page = Pagina
plan-field-text = Doel
plan-field-holder = Van wie
plan-field-how-we-know = Hoe weten we dat het gelukt is
plan-field-what = Wat
plan-field-who = Wie
plan-field-due-on = Wanneer klaar
plan-field-status = Stand
plan-field-goal-id = Bij welk doel
plan-field-worries = Zorgen
plan-field-working-well = Wat goed gaat
plan-field-needs-to-happen = Wat moet er gebeuren
plan-field-concern = Zorg
plan-field-agreement = Afspraak
plan-field-who-watches = Wie let op
plan-field-if-wrong = Als het misgaat
plan-field-note = Wat is er gebeurd

## Network meetings
meetings-title = Netwerkberaad
meetings-intro = Breng het netwerk bij elkaar. Het gezin stelt zijn eigen vraag; wat wordt afgesproken komt in het plan.
meetings-none = Nog geen netwerkberaad gepland.
meeting-new = Netwerkberaad plannen
meeting-kind = Soort
meeting-kind-network-meeting = Netwerkberaad
meeting-kind-family-group-conference = Familienetwerkberaad (Eigen Kracht-conferentie)
meeting-kind-signs-of-safety = Netwerkoverleg over veiligheid (Signs of Safety)
meeting-status = Stand
meeting-status-planned = Gepland
meeting-status-held = Gehouden
meeting-status-cancelled = Afgezegd
meeting-own-question = De eigen vraag van het gezin
meeting-own-question-hint = In de woorden van het gezin.
meeting-starts-at = Datum en begintijd
meeting-minutes = Hoe lang (minuten)
meeting-location = Waar
meeting-invitees = Wie nodigen we uit
meeting-no-members = Er staat nog niemand in het netwerk. Voeg eerst mensen toe op de netwerkkaart.
meeting-plan-button = Plannen
meeting-back = Terug naar netwerkberaad
meeting-when = Wanneer
meeting-when-value = { $date } om { $time } ({ $minutes } minuten)
meeting-minutes-value = { $minutes } minuten
meeting-private-minutes = Tijd zonder professionals (minuten)
meeting-private-hint = De tijd waarin het gezin en het netwerk zonder professionals overlegden.
meeting-notes = Aantekeningen
meeting-warnings-title = Let op: deze genodigden hebben geen toestemming voor alles wat besproken wordt.
meeting-warning = { $name }: geen toestemming voor { $what }
meeting-warnings-link = Toestemming regelen
meeting-ics = In mijn agenda zetten (.ics)
meeting-print = Uitnodiging afdrukken
meeting-held-title = Het netwerkberaad is gehouden
meeting-attended = Wie was er
meeting-held-button = Opslaan
meeting-came = was er
meeting-did-not-come = was er niet
meeting-adopt-plan = Plan vaststellen vanuit dit netwerkberaad
meeting-invitation-intro = U bent uitgenodigd om mee te denken met { $name } en het gezin.
meeting-invitation-footer = Deze uitnodiging is vertrouwelijk. Deel haar niet met anderen.
meeting-ics-summary = { $kind } met { $name }
meeting-field-kind = Soort
meeting-field-own-question = De eigen vraag
meeting-field-starts-at = Datum en begintijd
meeting-field-minutes = Hoe lang
meeting-field-location = Waar
meeting-field-invitees = Genodigden
meeting-field-attended = Wie was er
meeting-field-private-minutes = Tijd zonder professionals
meeting-field-notes = Aantekeningen
mine-plan-signed = U hebt akkoord gegeven op deze versie.
mine-plan-sign = Ik ga akkoord met dit plan
mine-tasks = Mijn taken
mine-tasks-none = U hebt geen taken in het plan.
mine-task-status = Hoe staat het ervoor?
home-tasks-title = Mijn taken
home-task-due = klaar op { $date }
home-overdue-title = Acties die te laat zijn
home-overdue-none = Geen acties te laat.
## Steunfiguren (JIM), zorgen en moreel beraad
support-title = Steunfiguren, zorgen en moreel beraad
support-back-to-case = Terug naar het dossier
support-back = Terug naar steunfiguren en zorgen
support-intro = Een jongere kiest zelf iemand uit het eigen netwerk als steunfiguur (JIM). U screent de voordracht, de steunfiguur zegt zelf ja, en samen maakt u afspraken. Zorgen over informele steun legt u hier vast: niemand weet nog goed wat de nadelige gevolgen zijn.
support-problems-title = Niet alles is goed ingevuld
support-figures-title = Steunfiguren
support-figures-none = Er zijn nog geen steunfiguren voorgedragen.
support-nominated-on = Voorgedragen op { $date }
support-started-on = begonnen op { $date }
support-ended-on = gestopt op { $date }
support-nominate-title = Iemand voordragen namens de jongere
support-nominate-hint = Kies iemand van de netwerkkaart en schrijf op waarom, in de woorden van de jongere zelf.
support-nominate-empty-map = Er staat nog niemand op de netwerkkaart. Zet eerst mensen op de kaart.
support-nominate-button = Voordragen
support-own-words-hint = Schrijf het op zoals de jongere het zei.
support-nomination-title = De voordracht
support-nominated-by-professional = vastgelegd door een professional namens de jongere
support-figure-title = Steunfiguur { $name }
support-screening-title = Screening op veiligheid
support-screening-hint = Zijn er zorgen over de veiligheid? Besluit of deze persoon steunfiguur kan worden en schrijf op waarom.
support-screening-button = Screening vastleggen
support-screening-none = Nog niet gescreend.
support-acceptance-title = Ja zeggen
support-accepted-on = De steunfiguur zei ja op { $date }.
support-awaits-acceptance = Goedgekeurd. De steunfiguur kan nu zelf ja zeggen op de eigen pagina. Nodig deze persoon uit als steunfiguur, gekoppeld aan deze persoon op de kaart.
support-acceptance-after-screening = Ja zeggen kan pas na een goedgekeurde screening.
support-agreement-title = Afspraken
support-agreement-button = Afspraken opslaan
support-agreement-after-screening = Afspraken maakt u na een goedgekeurde screening.
support-meetings-part-hint = Bijvoorbeeld: spreekt namens de jongere in het overleg met ouders en professionals.
support-log-title = Logboek: begeleiding en contact
support-log-none = Nog niets in het logboek.
support-coaching-button = Begeleiding vastleggen
support-end-title = Stoppen
support-end-button = Steunfiguur laten stoppen
support-field-member-id = Wie
support-field-kind = Soort steun
support-field-own-words = Waarom deze persoon (eigen woorden van de jongere)
support-field-nominated-on = Datum van de voordracht
support-field-on = Datum
support-field-safety-concerns = Zorgen over veiligheid
support-field-decision = Besluit
support-field-reason = Reden
support-field-roles = Rollen
support-field-contact-how = Hoe houden ze contact
support-field-contact-frequency = Hoe vaak
support-field-meetings-part = Rol in overleg met ouders en professionals
support-field-text = Tekst
support-field-coaching = Begeleidingsgesprek
support-field-youth-view = Wat vindt de jongere ervan
support-field-about = Over wie of wat
support-field-what = Wat is de zorg
support-field-seriousness = Hoe ernstig
support-field-what-was-done = Wat is er gedaan
support-field-held-on = Datum van het beraad
support-field-question = De vraag
support-field-participants = Wie deden mee
support-field-considerations = Afwegingen
support-field-follow-up = Vervolg
support-kind-jim = JIM (jouw ingebrachte mentor)
support-kind-citizen-guardian = Burgervoogd
support-kind-network-foster-family = Netwerkpleeggezin
jim-role-socio-emotional = Sociaal-emotionele steun
jim-role-practical = Praktische steun
jim-role-guidance = Begeleiding en advies
jim-role-role-model = Rolmodel
jim-role-mobilising = Hulpbronnen aanboren
support-status-nominated = Voorgedragen
support-status-screened = Gescreend
support-status-active = Actief
support-status-ended = Gestopt
screening-approve = Goedgekeurd
screening-decline = Afgewezen
support-log-coaching = Begeleiding
support-log-contact = Contactmoment
support-error-accept = Ja zeggen kan alleen na een goedgekeurde screening, en maar één keer.
support-error-screen = Deze voordracht is al gescreend of gestopt.
support-error-agree = Afspraken kunnen alleen na een goedgekeurde screening en voordat de steunfiguur stopt.
support-error-end = Deze steunfiguur is al gestopt, of de datum ligt vóór de voordracht.
support-error-member = Kies iemand die op de netwerkkaart van dit dossier staat.
support-error-roles = Kies minstens één rol.
support-error-open = Voor deze persoon loopt al een voordracht. Laat die eerst stoppen.
support-error-log = Voor deze steunfiguur kan dit nu niet in het logboek: begeleiding na een goedgekeurde screening, contactmomenten alleen als de steunfiguur actief is.
support-error-one-step = Stuur precies één stap mee: screening, afspraken of einde.
concern-title = Zorgen over informele steun
concern-intro = Iedere professional van het team kan een zorg vastleggen over iemand uit het netwerk of over de informele steun zelf. Een zorg blijft open staan tot u vastlegt wat er is gedaan.
concern-none = Er zijn geen zorgen vastgelegd.
concern-open-count = { $count ->
    [one] Er staat één zorg open
   *[other] Er staan { $count } zorgen open
}
concern-open-link = Naar de zorgen
concern-about-informal-support = De informele steun zelf
concern-seriousness-low = Licht
concern-seriousness-medium = Middel
concern-seriousness-high = Ernstig
concern-status-open = Staat open
concern-status-closed = Afgesloten
concern-registered = Vastgelegd: { $who }
concern-closed-with = Afgesloten: { $what }
concern-close-button = Zorg afsluiten
concern-new-title = Een zorg vastleggen
concern-register-button = Zorg vastleggen
concern-error-closed = Deze zorg is al afgesloten.
deliberation-title = Moreel beraad
deliberation-intro = Een beraad over een dilemma rond risico's. De jongere, de familie en het netwerk kunnen meedoen.
deliberation-none = Er is nog geen moreel beraad vastgelegd.
deliberation-new-title = Een moreel beraad vastleggen
deliberation-participants-hint = Eén naam per regel, bijvoorbeeld: Sanne (jongere), oma Joke, gedragswetenschapper.
deliberation-record-button = Beraad vastleggen
deliberation-error-participants = Schrijf op wie er meededen.
mine-support-title = Steunfiguren
mine-support-intro-youth = Kies zelf iemand uit je netwerk die je steunt. Schrijf op waarom, in je eigen woorden.
mine-support-intro-figure = Hier zie je of je bent voorgedragen als steunfiguur. Je kunt zelf ja zeggen en je contactmomenten bijhouden.
mine-support-none = Nog niemand voorgedragen.
mine-support-their-words = Waarom de jongere jou koos:
mine-support-roles = Afgesproken rollen: { $roles }
mine-support-accept = Ja, ik wil steunfiguur zijn
mine-contact-text = Wat deden jullie samen?
mine-contact-on = Wanneer
mine-contact-button = Contactmoment opslaan
mine-contacts-title = Jouw contactmomenten
mine-nominate-title = Iemand kiezen als steunfiguur
mine-nominate-who = Wie kies je?
mine-nominate-why = Waarom deze persoon? Schrijf het in je eigen woorden.
mine-nominate-button = Kiezen
mine-support-invalid = Kies iemand van je kaart en schrijf op waarom (hoogstens 2000 tekens).
mine-support-open = Deze persoon is al gekozen als steunfiguur.
mine-contact-invalid = Schrijf op wat jullie deden (hoogstens 2000 tekens) en kies een datum die niet in de toekomst ligt.
# Steunmetingen (metingen)
case-tab-checks = Metingen
checks-title = Metingen
checks-intro = Met een steunmeting kijk je samen naar iedereen op de netwerkkaart: welke steun iemand geeft, hoe dichtbij de persoon staat en hoe vaak jullie elkaar zien. Doe hem elke drie maanden opnieuw, dan zie je wat er verandert.
checks-next-due = Volgende steunmeting: { $date }
checks-due-now = De volgende steunmeting is aan de beurt (sinds { $date }).
checks-none = Er is nog geen steunmeting gedaan.
checks-start = Nieuwe steunmeting
checks-respondent = Wie vult hem in?
checks-start-button = Steunmeting starten
check-title = Steunmeting van { $date }
check-progress = { $answered } van { $total }
check-key-scores = Ervaren steun (gemiddeld, 1 tot 3)
check-finished-on = Afgerond op { $date }
check-resume = Verder invullen
check-back = Terug naar de metingen
check-no-members = Er staat nog niemand op de netwerkkaart. Zet eerst mensen op de kaart.
check-about-person = Over deze persoon
check-criticalness = Hoe vaak is deze persoon kritisch op je?
check-direction = Wie helpt wie?
check-closeness = Hoe dichtbij staat deze persoon je?
check-seen = Hoe vaak zie je deze persoon?
check-known = Hoe lang ken je deze persoon al?
check-save-next = Opslaan en verder
check-save-pause = Opslaan en pauzeren
check-all-answered = Iedereen is ingevuld. Rond de steunmeting af om de uitkomsten vast te leggen.
check-finish = Steunmeting afronden
check-scores = Uitkomsten
check-score = Uitkomst
check-score-members = Aantal mensen
check-score-seen-weekly = Elke week of vaker gezien
check-score-reciprocity = Helpen elkaar over en weer
check-score-known-long = Langer dan 5 jaar bekend
check-group-all = Iedereen
check-group-informal = Eigen netwerk
check-group-formal = Hulpverleners
check-change-answer = Een antwoord aanpassen
mine-checks-title = Mijn steunmeting
mine-checks-intro = Vertel per persoon op je kaart hoe die je steunt. Je kunt tussendoor stoppen en later verdergaan.
mine-checks-link = Steunmeting invullen
support-check-rating-hardly-ever = Bijna nooit
support-check-rating-sometimes = Soms
support-check-rating-almost-always = Bijna altijd
support-check-closeness-not-very-close = Niet zo dichtbij
support-check-closeness-sort-of-close = Een beetje dichtbij
support-check-closeness-very-close = Heel dichtbij
support-check-respondent-youth = De jongere
support-check-respondent-parent = Een ouder
support-check-respondent-professional = De hulpverlener
support-check-type-concrete = Praktische hulp
support-check-type-emotional = Troost en een luisterend oor
support-check-type-informational = Advies en uitleg
support-check-timeframe-perceived = Als je het nodig hebt, kun je dan rekenen op deze persoon voor…
support-check-timeframe-received = In de afgelopen vier weken kreeg je van deze persoon…
error-support-check-member-unknown = Deze persoon staat niet op de netwerkkaart van dit dossier.
error-support-check-finished = Deze steunmeting is al afgerond.
error-support-check-empty = Vul eerst voor minstens één persoon de vragen in.
error-support-check-finish-before-start = De datum van afronden ligt voor de start.
check-paused = Opgeslagen. Je kunt later verdergaan waar je gebleven was.

## Inzicht (analist)
nav-insights = Inzicht
insight-title = Inzicht
insight-intro = Alleen totalen over dossiers, nooit een persoon. Aantallen onder de 10 staan er als "minder dan 10", ook als ze uit het verschil tussen twee filters te berekenen zouden zijn.
insight-period = Periode (dossiers die toen open waren)
insight-setting = Setting
insight-team = Team
insight-show = Tonen
insight-all = Alle
insight-period-all = Altijd
insight-key-figures = Kerncijfers
insight-network-share = Netwerk betrokken bij het plan (een actie bij iemand uit het eigen netwerk)
insight-national = landelijk
insight-figure-share = Ten minste één steunfiguur
insight-means-title = Netwerk bij de start en nu
insight-means = Over { $cases } dossiers met een opgeslagen netwerkkaart: gemiddeld { $start } mensen bij de start en { $latest } nu; informeel aandeel { $informal_start } % bij de start en { $informal_latest } % nu.
insight-downloads = Tabellen downloaden:
insight-download-csv = CSV
insight-download-xlsx = Excel (XLSX)
insight-table-caption = aantallen dossiers
insight-total = Totaal
insight-suppressed = minder dan 10
insight-suppressed-note = Minder dan 10: niet getoond, zodat niemand herkenbaar is
insight-no-data = Geen gegevens
insight-chart-counts = Aantallen dossiers per groep.
insight-chart-share = Aandeel dossiers per rij, in procenten.
insight-decimal-comma = ja
insight-bad-period = Kies een periode uit de lijst.
insight-bad-setting = Kies een setting uit de lijst.
insight-bad-team = Kies een team uit de lijst.
insight-bad-filter = Kies de filters uit de lijsten op de pagina Inzicht.
insight-figure-network-in-plan = Netwerk betrokken bij het plan
insight-figure-support-figure = Steunfiguren
insight-figure-network-size = Netwerkgrootte bij de start en nu
insight-figure-informal-share = Aandeel informele leden bij de start en nu
insight-figure-support-gaps = Steuntekorten (minder dan twee informele gevers)
insight-figure-outcomes = Uitkomsten
insight-figure-concerns = Zorgen (de ernstigste per dossier)
insight-row-start = Bij de start
insight-row-latest = Nu
insight-outcome-placement-prevented = Uithuisplaatsing voorkomen
insight-outcome-placement-happened = Uit huis geplaatst
insight-outcome-placement-network-foster-family = Geplaatst in een netwerkpleeggezin
insight-outcome-returned-home = Weer thuis
insight-outcome-specialist-care-scaled-down = Specialistische hulp afgeschaald
insight-outcome-formal-help-ended = Formele hulp beëindigd
insight-col-network-in-plan-involved = Netwerk in het plan
insight-col-network-in-plan-not-involved = Netwerk niet in het plan
insight-col-support-figure-with = Met steunfiguur
insight-col-support-figure-without = Zonder steunfiguur
insight-col-network-size-0-4 = 0–4 mensen
insight-col-network-size-5-9 = 5–9 mensen
insight-col-network-size-10-14 = 10–14 mensen
insight-col-network-size-15plus = 15 of meer mensen
insight-col-informal-share-0-24 = minder dan 25 % informeel
insight-col-informal-share-25-49 = 25 tot 50 % informeel
insight-col-informal-share-50-74 = 50 tot 75 % informeel
insight-col-informal-share-75-100 = 75 % of meer informeel
insight-col-support-gaps-gap = Met tekort
insight-col-support-gaps-no-gap = Zonder tekort
insight-col-outcomes-with = Met deze uitkomst
insight-col-outcomes-without = Zonder
insight-col-concerns-none = Geen zorg
insight-col-concerns-low = Licht
insight-col-concerns-medium = Middel
insight-col-concerns-high = Ernstig
