# Steunkring — English (second language).

app-name = Steunkring
skip-to-content = Skip to content
lang-switch-to-en = English
lang-switch-to-nl = Nederlands
nav-label = Main menu
nav-home = Home
nav-users = Users
nav-teams = Teams
nav-audit = Audit trail
nav-account = My account
nav-logout = Log out
footer-text = Steunkring helps young people, their families and their network to see, strengthen and use support.

## Errors
error-back-home = Back to the home page
error-code = Error code
error-title-400 = That did not work
error-title-401 = Please log in first
error-title-403 = No access
error-title-404 = Not found
error-title-409 = Not possible right now
error-title-422 = Please check what you entered
error-title-429 = Please wait
error-title-500 = Something went wrong
error-not-found = This page does not exist, or you may not see it. Check the address.
error-forbidden = You may not do this. If you think that is wrong, ask your organisation's administrator.
error-internal = Something went wrong on our side. Please try again later.
error-internal-incident = Something went wrong on our side. Please try again later. Quote this number if you contact us: { $incident }.
error-not-logged-in = You are not logged in. Please log in first.
error-too-many-attempts = Too many attempts. Wait 15 minutes, then try again.
error-conflict = This already exists or has just changed. Reload the page.
error-email-taken = There is already an account with this email address.
error-invalid-input = Not everything is filled in correctly. See the fields for what is wrong.
error-body-too-large = What you sent is too large (over 1 MB).
error-unreadable-body = We could not read what you sent.
error-invalid-utf8 = The text contains characters we cannot read (not valid UTF-8).
error-malformed-json = This is not valid JSON.
error-required = This field is required.
error-unknown-field = We do not know this field.
error-unknown-value = We do not know this value.
error-wrong-type = This value is of the wrong kind (for example text where a number belongs).
error-invalid-value = This value is not valid.
error-cross-site = This form came from another website. To protect you, we did not process it.
error-email-invalid = This is not a valid email address.
error-too-long = This text is too long.
error-control-characters = This text contains invisible control characters.
error-password-too-short = The password must have at least 10 characters.
error-password-too-long = The password may have at most 256 characters.
error-password-common = This password is too easy to guess. Choose another one, for example a short sentence.
error-second-factor-required = Also send the code from your two-step verification app (field totp).
error-second-factor-enrolment = Your organisation requires two-step verification. Set it up on the website first.

## Login
login-title = Log in
login-intro = Log in with your email address and password.
login-submit = Log in
login-invalid = The email address or the password is not correct.
field-email = Email address
field-password = Password
field-name = Name
field-code = Code (6 digits)
code-title = Enter your code
code-intro = Open the two-step verification app on your phone. Enter the 6-digit code.
code-submit = Confirm
code-cancel = Stop logging in
code-invalid = This code is wrong or has expired. Try the newest code.

## Home
home-title = Home
home-greeting = Welcome, { $name }
home-roles = You work here as:
home-pro-title = Your cases
home-pro-text = The cases of your teams will be here: the young person's network, the plan and the measurements.
home-coordinator-title = Volunteers and matches
home-coordinator-text = Here you follow volunteers and their matches with families and young people.
home-analyst-title = Insight
home-analyst-text = Here you see figures about all cases together. You never see data about one person.
home-admin-title = Administration
home-account-link = Password and two-step verification

## Roles
role-admin = Administrator
role-professional = Youth care professional
role-coordinator = Coordinator
role-analyst = Analyst
role-youth = Young person
role-parent = Parent
role-support-figure = Support figure

## Account
account-title = My account
account-roles = Roles
account-password-title = Change password
account-current-password = Current password
account-new-password = New password
account-repeat-password = Repeat new password
account-password-hint = At least 10 characters. A short sentence is strong and easy to remember.
account-password-submit = Save password
account-password-changed = Your password has been changed. You have been logged out everywhere else.
account-current-wrong = Your current password is not correct.
account-repeat-differs = The two new passwords are not the same.
account-totp-on = Two-step verification is on.
account-totp-off = Two-step verification is off. A code from your phone protects your account much better.
account-totp-setup = Set up two-step verification
account-totp-remove = Turn off two-step verification
account-totp-enabled = Two-step verification is now on.
account-totp-removed = Two-step verification is now off.
account-totp-required = Your organisation requires two-step verification for your role. You cannot turn it off.
totp-title = Two-step verification
totp-required-notice = Your organisation requires two-step verification. Set it up now; then you can continue.
totp-step-app = Install a two-step verification app on your phone (an authenticator app).
totp-step-key = In the app, add an account with this key:
totp-open-app = Or open the key directly in the app on this device
totp-step-code = Enter the 6-digit code the app shows now.
totp-submit = Turn on

## Administration
admin-users-title = Users
admin-users-caption = All accounts of your organisation
admin-users-status = Status
admin-users-actions = Actions
admin-users-disabled = Disabled
admin-users-active = Active
admin-users-totp = two-step on
admin-users-enable = Enable
admin-users-disable = Disable
admin-users-new = New user
admin-users-initial-password = First password
admin-users-create = Create user
admin-users-role-required = Choose at least one role.
admin-users-team-unknown = A chosen team does not exist (any more).
admin-users-not-self = You cannot disable your own account.
admin-settings-title = Organisation settings
admin-settings-require-totp = Two-step verification required for administrators and professionals
admin-settings-save = Save settings
admin-teams-title = Teams
admin-teams-none = There are no teams yet.
admin-teams-new = New team
admin-teams-create = Create team
admin-teams-exists = There is already a team with this name.

## Audit trail
audit-title = Audit trail
audit-intro = Who read or changed what, and when. The audit trail cannot be altered.
audit-from = From
audit-until = Until
audit-user = User
audit-everyone = Everyone
audit-case = Case
audit-filter = Search
audit-caption = Entries, newest first
audit-col-id = No.
audit-col-time = Time
audit-col-action = Action
audit-col-outcome = Outcome
audit-col-role = Role
audit-col-object = Subject
audit-col-source = Address
audit-empty = No entries found.
audit-older = Older entries
audit-bad-date = A date is not right. Use yyyy-mm-dd.
audit-operator = Operator (command line)
audit-action-login = Logged in
audit-action-login-failed = Login failed
audit-action-login-throttled = Login temporarily blocked
audit-action-logout = Logged out
audit-action-read = Read
audit-action-create = Created
audit-action-update = Changed
audit-action-delete = Deleted
audit-action-export = Exported
audit-action-search = Searched
audit-outcome-success = Succeeded
audit-outcome-failure = Failed
audit-outcome-denied = Refused

## Cases
nav-cases = Cases
cases-title = Cases
cases-search-label = Search by the young person's name
cases-search = Search
cases-include-closed = Include closed cases
cases-new = New case
cases-none = No cases found.
cases-more = More cases
case-age = { $age ->
    [one] { $age } year old
   *[other] { $age } years old
}
case-closed = closed
case-new-title = New case
case-edit-title = Change case
case-youth = The young person
case-field-youth-name = Name
case-field-preferred-name = Preferred name (if different)
case-field-birth-date = Date of birth
case-field-gender = Gender (if the young person wants to say)
case-field-setting = Kind of help
case-field-team-id = Team
case-field-network-lead = Network lead
case-field-parents = Parents
case-lead-hint = The professional who makes sure the network takes part.
case-no-lead = Nobody yet
case-parents = Parents and carers
case-parent-1 = Parent or carer 1
case-parent-2 = Parent or carer 2
case-parent-gezag = Holds parental authority (gezag)
case-has-gezag = holds parental authority
case-no-parents = Not filled in
case-save = Save
case-cancel = Cancel
case-details = Details
case-opened-on = Opened on
case-closed-on = Closed on
case-edit = Change details
case-close = Close case
case-reopen = Reopen case
setting-wijkteam = Neighbourhood team
setting-ambulant-specialist = Ambulant specialist
setting-residential = Residential care
setting-jeugdzorgplus = JeugdzorgPlus (closed youth care)
setting-foster-care = Foster care
setting-crisis = Crisis care
error-date-format = Enter a date as yyyy-mm-dd.
error-birth-date-future = The date of birth is in the future.
error-birth-date-too-old = This young person is too old for youth care (over 27).
error-too-many = There are too many.
error-team-or-lead-unknown = The team or network lead does not exist in your organisation.

## Network: words
sector-family = Family
sector-friends = Friends and acquaintances
sector-neighbourhood = Neighbourhood
sector-school-work = School and work
sector-leisure = Leisure and clubs
sector-community = Faith and community
sector-professional = Professional help
level-voluntary-individual = Voluntary, one person
level-voluntary-collective = Voluntary, group (club, church, mosque, community centre)
level-professional-individual = Professional (teacher, youth worker, care worker)
level-professional-collective = Organisation (school, care provider, municipality)
support-emotional = Feelings
support-practical = Practical
support-advice = Advice
support-role-model = Role model
support-parental = Parenting
support-financial = Money
support-mobilising = Opening doors
direction-to-youth = gives to the young person
direction-from-youth = receives from the young person
direction-mutual = both ways
tie-knows = know each other
tie-supportive = supportive
tie-ambivalent = mixed
tie-stressful = stressful
tie-broken = broken
stance-chosen = chosen by the young person
stance-accepted = accepted
stance-neutral = neutral
stance-rejected = not wanted by the young person
member-role-support-figure = Support figure
member-role-citizen-guardian = Citizen guardian
member-role-network-foster-parent = Network foster parent
member-role-parent-with-gezag = Parent with parental authority
known-less-than-one = less than a year
known-one-to-five = 1 to 5 years
known-more-than-five = more than 5 years
contact-not-at-all = never
contact-few-times-a-year = a few times a year
contact-monthly = every month
contact-weekly = every week
contact-daily = every day
ring-1 = Close (inner circle)
ring-2 = Middle circle
ring-3 = Further away (outer circle)

## Network: map
map-title = Network circle of { $name }
map-youth = the young person
map-description = The young person in the centre, with the people around them by closeness and by the part of life they come from.
map-informal = Own circle
map-formal = Professional help
map-rejected = Not wanted by the young person
map-near = Near
map-far = At a distance
map-level-unknown = Level not known

## Network: sentences
network-empty = Nobody has been added to the network yet.
network-size = { $count ->
    [one] There is one person in the network
   *[other] There are { $count } people in the network
}: { $informal } from the young person's own circle and { $professional } { $professional ->
    [one] professional
   *[other] professionals
}.
network-available-adult = { $count ->
    [one] There is one adult from the own circle who can help now.
   *[other] There are { $count } adults from the own circle who can help now.
}
network-no-available-adult = There is no adult from the own circle who can help yet. Start small: who could be that one person?
network-support-emotional = { $count ->
    [0] Nobody from the own circle gives emotional support (listening, comfort).
    [one] One person from the own circle gives emotional support (listening, comfort).
   *[other] { $count } people from the own circle give emotional support (listening, comfort).
}
network-support-practical = { $count ->
    [0] Nobody from the own circle gives practical help (a lift, a meal, a place to sleep).
    [one] One person from the own circle gives practical help (a lift, a meal, a place to sleep).
   *[other] { $count } people from the own circle give practical help (a lift, a meal, a place to sleep).
}
network-support-advice = { $count ->
    [0] Nobody from the own circle gives advice and information.
    [one] One person from the own circle gives advice and information.
   *[other] { $count } people from the own circle give advice and information.
}
network-support-role-model = { $count ->
    [0] Nobody from the own circle is a role model.
    [one] One person from the own circle is a role model.
   *[other] { $count } people from the own circle are role models.
}
network-support-parental = { $count ->
    [0] Nobody from the own circle helps with care and supervision.
    [one] One person from the own circle helps with care and supervision.
   *[other] { $count } people from the own circle help with care and supervision.
}
network-support-financial = { $count ->
    [0] Nobody from the own circle helps with money.
    [one] One person from the own circle helps with money.
   *[other] { $count } people from the own circle help with money.
}
network-support-mobilising = { $count ->
    [0] Nobody from the own circle puts the young person in touch with other people or help.
    [one] One person from the own circle puts the young person in touch with other people or help.
   *[other] { $count } people from the own circle put the young person in touch with other people or help.
}
network-gaps = { $count ->
    [one] For one kind of support
   *[other] For { $count } kinds of support
} there are fewer than two people from the own circle who give it.
network-inner-ring = { $count ->
    [0] Nobody is in the inner circle.
    [one] One of the { $total } people is in the inner circle.
   *[other] { $count } of the { $total } people are in the inner circle.
}
network-sectors = { $count ->
    [one] Everyone comes from one part of life (such as family or school).
   *[other] The people come from { $count } of the { $total } parts of life (such as family, school and clubs).
}
network-density = Of all pairs of people in the network, { $percent }% know each other.
network-isolates = { $count ->
    [one] One person does not know anyone else in the network.
   *[other] { $count } people do not know anyone else in the network.
}
network-bridges = { $count ->
    [one] One person connects different parts of the young person's life.
   *[other] { $count } people connect different parts of the young person's life.
}
network-multiplex = { $count ->
    [one] One person gives more than one kind of support.
   *[other] { $count } people give more than one kind of support.
}
network-reciprocity = { $count } of the { $total } people who support the young person also get support from the young person.
network-strained = { $count ->
    [one] One relationship is tense or broken.
   *[other] { $count } relationships are tense or broken.
}
network-risk-notes = { $count ->
    [one] A risk has been noted for one person.
   *[other] A risk has been noted for { $count } people.
}
network-rejected = { $count ->
    [one] The young person does not want one person involved.
   *[other] The young person does not want { $count } people involved.
}
error-ring-range = Choose ring 1, 2 or 3.
error-role-needs-adult = Only an adult can have this role.
error-tie-self = A person cannot have a tie with themselves.
error-tie-members-unknown = Both people must be in the network of this case.
error-date-future = This date is in the future.

## Network: pages
network-title = Network circle
network-summary = In short
view-label = Other views
view-circle = Circle
view-quadrant = Raising together (near/far × informal/formal)
view-levels = Four levels
view-without-professionals = Without professionals
view-pseudonymised = With initials (for case discussion)
view-hide-rejected = Without people who are not wanted
map-caption = Click someone to see or change their details. The table below says the same in words.
print-link = Print
print-title = Print the network circle
print-date = Printed on { $date }
fast-title = Quickly add someone
fast-submit = Add
fast-hint = After adding you can enter the next person straight away. Add more details later on the person's own page.
people-title = People in the network
people-caption = Everyone in the network, with circle, part of life and support
ties-title = Relationships between people
ties-none = No relationships between people have been recorded yet.
ties-remove = Remove
tie-from = Between
tie-to = and
tie-kind = Kind of relationship
tie-form-title = Record relationship
versions-title = Versions
versions-none = No version has been saved yet. Save the map to see later what changed.
versions-members = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
version-field-title = Name of the version
version-title-example = for example: after the network meeting
version-field-date = Date
version-save = Save version
compare-from = Compare
compare-to = with
compare-current = the map as it is now
compare-submit = Compare
compare-title = Compare versions
compare-overlap = { $percent } of the people stayed
compare-people = What changed for people
compare-no-changes = Nobody joined, left or changed.
compare-joined = joined
compare-left = left
compare-moved = moved from circle { $from } to circle { $to }
compare-quality = relationship changed from { $from } to { $to }
compare-indicators = All figures side by side
compare-indicator = Figure
member-back = Back to the case
member-edit-title = { $name }
member-kind = Kind
member-has-risk = risk
member-unknown = Don't know
member-support-none = None
member-relation-example = for example: grandma, coach, neighbour
member-field-name = Name or nickname
member-field-relation = Who is this to the young person?
member-field-ring = How close
member-field-sector = Part of life
member-field-level = Kind of support (level)
member-field-support = Support
member-field-tie-quality = How is the relationship with the young person?
member-field-stance = What does the young person think?
member-field-roles = Role
member-field-known-years = How long have they known each other?
member-field-contact-frequency = How often do they see each other?
member-field-available = Is available to help now
member-field-is-adult = Is an adult
member-field-protective = What protects (strengths)
member-field-risk = Worries or risks
member-field-from = From
member-field-to = To
member-field-kind = Kind
member-stance-hint = The young person may reject people. Then we do not ask that person to take part.
member-risk-hint = For example: loyalty may stop someone reporting unsafety.
member-save = Save
member-remove = Remove from the network
yes = yes
no = no
csv-id = Id
download-label = Download:
download-svg = picture (SVG)
download-members-csv = people (CSV)
download-ties-csv = relationships (CSV)

## Participants and invitations
participants-title = People who take part
participants-intro = Invite the young person, parents and support figures. They get their own account and see only what they may see.
participant-kind = Who
participant-kind-youth = the young person
participant-kind-parent = parent
participant-kind-support-figure = support figure
participant-member = Is in the network
participant-member-none = (none)
participant-parent = Which parent
participant-invite = Invite
participant-revoke = Revoke invitation
participant-reinvite = Make a new code
participant-status-active = takes part
participant-status-invited = invited, code valid until { $date }
participant-status-expired = code expired
participant-status-revoked = invitation revoked
participant-status-none = not invited yet
participant-invalid = Fill in who you invite and their name.
participant-already-active = This person already takes part.
invitation-created-title = Invitation made
invitation-created-for = Give this code to { $name }, in person or in a message.
invitation-created-link = Or send this link:
invitation-created-expires = The code works once and is valid until { $date }.
invitation-created-once = You see the code only now. Lost it? Make a new code.
invite-title = Invitation to Steunkring
invite-greeting = You are invited to take part as { $kind }.
invite-invalid = This code does not work. It may have been used, revoked or have expired. Ask for a new code.
invite-intro = Make your account. Then you can start straight away.
invite-your-name = Your name
invite-choose-password = Choose a password
invite-accept = Make account and take part
invite-existing = You are logged in as { $name }.
invite-accept-existing = Take part with this account
invite-or-new = Or make a new account
invite-email-taken = There is already an account with this email address. Log in first, then open the link again.
invite-type-code = Type the code
invite-code = Code
invite-code-hint = The code has 16 letters and digits, for example ABCD-EFGH-JKLM-NPQR.
invite-continue = Continue

## Consent and sharing
consent-framework-voluntary = Voluntary help
consent-framework-supervision-order = Family supervision order (OTS)
consent-framework-guardianship = Guardianship (voogdij)
consent-framework-jeugdzorgplus = JeugdzorgPlus (closed youth care)
consent-framework-voluntary-note = The normal consent rules apply. Nothing is shared without consent, except with people directly involved in the help.
consent-framework-supervision-order-note = There is a family supervision order. The parents keep gezag (parental authority), so the normal consent rules apply. The certified institution may share what the measure needs with those directly involved, without consent.
consent-framework-guardianship-note = There is guardianship. The guardian decides instead of the parents; the parents do not give consent. Does a certified institution hold the guardianship? Then it may share what the measure needs with those directly involved, without consent.
consent-framework-jeugdzorgplus-note = The young person is in closed youth care. The normal consent rules apply. Is there also a family supervision order or guardianship? Then choose that framework.
consent-rule-under-twelve = The young person is under 12, so the parents with gezag (parental authority) give consent.
consent-rule-twelve-to-fifteen = The young person is 12 to 15, so both the young person and the parents with gezag give consent.
consent-rule-sixteen-plus = The young person is 16 or older and decides alone. The parents do not need to give consent.
consent-rule-guardianship-under-twelve = There is guardianship and the young person is under 12, so the guardian gives consent.
consent-rule-guardianship-twelve-to-fifteen = There is guardianship and the young person is 12 to 15, so both the young person and the guardian give consent.
consent-rule-no-gezag-under-twelve = Note: nobody with gezag is recorded in this case. The young person is under 12, so nobody can give consent yet. Find out who holds gezag and record it.
consent-rule-no-gezag-twelve-to-fifteen = Note: nobody with gezag is recorded in this case, so for now only the young person is asked for consent. Find out who holds gezag and record it.
consent-category-network-map = Network map
consent-category-plan = Plan
consent-category-safety-section = Safety section
consent-category-measurements = Measurements
consent-category-notes = Working notes
consent-category-contact-details = Contact details
consent-status-pending = Waiting for consent
consent-status-active = In force
consent-status-not-yet-valid = Not yet in force
consent-status-expired = Expired
consent-status-withdrawn = Withdrawn
visibility-professional-involved = Works in this case's team and is directly involved in the help.
visibility-administrator = Is an administrator: manages the case but is not involved in the help, so does not see this.
visibility-outsider = Is not involved in the help to this young person, so does not see this.
visibility-youth-own = This is about the young person, so they see it.
visibility-notes-working-notes = These are the professional's working notes. They are not shared automatically.
visibility-parent-gezag = This parent has gezag and the young person is under 16. The parent is then the legal representative and sees this.
visibility-parent-no-gezag = This parent has no gezag and sees this only with consent.
visibility-parent-guardianship = There is guardianship. The parents have no gezag and see this only with consent.
visibility-guardian = This is the guardian and the young person is under 16. The guardian is then the legal representative and sees this.
visibility-guardian-not-recorded = No guardianship is recorded in this case, so this person sees this only with consent.
visibility-youth-sixteen-decides = The young person is 16 or older and decides who sees this.
visibility-consent-active = There is consent to share this.
visibility-consent-active-until = There is consent to share this, up to and including { $until }.
visibility-consent-pending = Consent has been asked. { $count ->
    [one] One more person still has to give it.
   *[other] { $count } more people still have to give it.
}
visibility-consent-nobody-to-give = Consent has been asked, but nobody can give it: nobody with gezag is recorded in this case.
visibility-consent-not-yet-valid = There is consent, but it only applies from { $from }.
visibility-consent-expired = There was consent, but it ended after { $until }.
visibility-consent-withdrawn = The consent was withdrawn on { $on }.
visibility-no-consent = There is no consent to share this with this person.
visibility-withheld = The professional does not share this, because sharing could harm the young person. Reason: { $reason }
visibility-withheld-neutral = This is not shared at the moment. Questions about it? Contact the professional.
error-consent-period-order = The end date is before the start date. Choose an end date on or after the start date.
guide-question-directly-involved = Is the recipient directly involved in the help to this young person?
guide-question-consent-given = Has the right person given consent?
guide-question-legal-duty = Is there a legal duty or basis to share?
guide-question-right-to-report = Is there a right to report? For example, when you suspect child abuse or domestic violence.
guide-question-conflict-of-duties = Is there a conflict of duties?
guide-help-directly-involved = Directly involved means someone who helps this young person together with you, or stands in for you, such as a colleague in your team. A school, a sports club or a relative is usually not directly involved.
guide-help-consent-given = Who gives consent depends on age. Under 12: the parents with gezag. 12 to 15: the young person and the parents with gezag. 16 or older: the young person alone. Under guardianship the guardian decides instead of the parents. The consent must be about this information and this recipient.
guide-help-legal-duty = Sometimes the law says you must or may share information. For example under a family supervision order: the certified institution may share what the measure needs.
guide-help-right-to-report = Do you suspect child abuse or domestic violence? Then you may report it to Veilig Thuis, even without consent. Follow the steps of the reporting code (meldcode).
guide-help-conflict-of-duties = There is a conflict of duties when only sharing can prevent serious harm to the young person or someone else. That harm outweighs your duty of confidentiality, and there is no other way, such as asking for consent first.
guide-hint-legal-duty-measure = This case has a family supervision order or guardianship. Do you work for the certified institution? Then you may share what the measure needs with those directly involved.
guide-outcome-share = Share
guide-outcome-share-only-needed = Share only what is needed
guide-outcome-do-not-share = Do not share
guide-outcome-consult-first = Consult first
guide-advice-directly-involved = You may share what the recipient needs for the help, and no more. Tell the young person and the parents what you share and with whom. Do they object? Then discuss that first.
guide-advice-consent = You may share what the consent covers: only this information, with this recipient. Record who gave consent, when and how.
guide-advice-legal-duty = You may share what the task the law gives requires, and no more. Tell the young person and the parents what you share, unless that puts safety at risk.
guide-advice-right-to-report = Follow the steps of the reporting code. First consult a colleague and ask Veilig Thuis for advice. Do you decide to report? Then you may tell Veilig Thuis what is needed without consent. If possible, discuss the report with the young person and the parents beforehand.
guide-advice-conflict-of-duties = First consult a colleague or the behavioural scientist. Share only if it really is the only way to prevent serious harm, and then share no more than needed. Write down how you weighed it.
guide-advice-do-not-share = Do not share this information. First ask consent from whoever must give it. You may discuss the situation with a colleague without names.
guide-basis-directly-involved = People directly involved in the help are not third parties (Jeugdwet article 7.3.11(2); WGBO article 7:457(2)).
guide-basis-consent = Consent of the young person or the parents with gezag, as fits the age (Jeugdwet articles 7.3.4 and 7.3.11(1)).
guide-basis-legal-duty = A legal duty or basis, such as the task of the certified institution in a child protection measure.
guide-basis-right-to-report = The right to report to Veilig Thuis (Wmo 2015 article 5.2.6) and the reporting code for domestic violence and child abuse.
guide-basis-conflict-of-duties = Conflict of duties: confidentiality may give way when only sharing can prevent serious harm.
guide-basis-confidentiality = Professional secrecy: without consent or another basis you share nothing with others (Jeugdwet article 7.3.11(1)).

## My page (young person, parent, support figure)
home-my-network = My network
home-network-of = The network of { $name }
mine-title-youth = My network
mine-title = The network of { $name }
mine-role = You take part as { $kind }.
mine-my-role = Your role: { $role }
mine-people = The people around you
mine-hide-rejected = Hide people you do not want involved
mine-show-rejected = Show everyone
mine-stance-label = What do you think of { $name }?
mine-stance-save = Save
mine-add-title = Add someone
mine-add-relation = Who is this to you?
mine-add-invalid = Fill in a name and choose a circle and a part of your life.
mine-consents = Consent
mine-consents-intro = Here you decide who may see what. You can always withdraw your consent.
mine-consent-line = Share { $what } with
mine-consent-give = I give consent
mine-consent-withdraw = Withdraw consent
mine-log-link = Who looked at the file?
mine-log-title = Who looked at the file
mine-log-intro = Here you see who read or changed something in the file, and when.
recipient-support-figures = support figures
recipient-parents = parents
recipient-youth = the young person

## Sharing (professional)
sharing-title = Sharing and consent
sharing-framework = Framework of the help
sharing-who-decides = Who decides:
sharing-consents = Consents
sharing-no-consents = No consent has been asked yet.
sharing-party = Who gave consent
sharing-how = How
sharing-how-example = for example: in today's conversation
sharing-record-given = Record consent
sharing-withdrawn-by = Withdrawn by
sharing-ask = Ask consent
sharing-what = Which information
sharing-with-whom = With whom
sharing-until = Valid until (may be empty)
sharing-ask-submit = Ask consent
sharing-withhold = Do not share, to protect the young person
sharing-withhold-intro = Sometimes sharing harms the young person. Then you can withhold information, even when there is consent. Write down why.
sharing-from-whom = From whom
sharing-reason = Reason
sharing-withhold-submit = Do not share
sharing-lift = Share again
sharing-matrix = Who sees what, and why
sharing-matrix-caption = Per person and per kind of information: may they see it, and why (not)
sharing-person = Person
party-guardian = the guardian
recipient-all-support-figures = all support figures
recipient-all-parents = all parents
consent-given-by = given by
consent-how-required = Fill in how the consent was given.
consent-not-needed = This person need not give consent for this, or already did.
withhold-reason-required = Write down why you do not share this.

## Sharing decision guide (page)
guide-title = May I share this? (decision guide)
guide-intro = Do you want to share information with someone outside the help, or ask for information? Answer the questions. You get advice and record your decision.
guide-recipient = With whom do you want to share?
guide-information = Which information?
guide-advice = Advice
guide-decision = Your decision
guide-reasons = Why (your weighing)
guide-record = Record decision
guide-again = Start again
guide-past = Earlier decisions
guide-no-past = No decisions have been recorded yet.
guide-advised = advice:
guide-incomplete = First answer all the questions that are needed.
guide-fill-all = Fill in with whom you share, which information and why.

## Rights of the young person and parents: access, rectification, destruction
nav-retention = Retention
rights-link = Access and destruction
rights-title = Rights of the young person and parents
rights-intro = The young person and the parents may see what is recorded about them. They may ask to correct something. They may also ask to destroy the file.
rights-back-to-case = Back to the case
rights-access-title = Access
rights-access-text = Has someone asked for access? Download everything recorded in this case. Read it carefully first. Then give it to the person.
rights-access-download = Download all data (ZIP)
rights-access-not-allowed = Only the professionals of the team can download the data.
rights-rectify-title = Correct
rights-rectify-text = Is something wrong? Change it on the case page. Every change is recorded: who, what and when.
rights-destroy-title = Destroy
rights-destroy-text = The young person or a parent can ask to destroy the file. You must do so within 3 months, unless the law forbids it. For example when the data is very important to someone else. Then write down why.
rights-requested-by = Who asked
rights-received-on = Received on
rights-deadline = Handle by
rights-deadline-on = by { $date }
rights-overdue = Overdue
rights-note = Note
rights-status = Status
rights-status-requested = Not handled yet
rights-status-refused = Not destroyed (legal exception)
rights-exception-reason = Why not destroy
rights-exception-hint = For example: the data is very important to someone else, or a law says we must keep it (Youth Act article 7.3.9 paragraph 2).
rights-refuse-button = Do not destroy
rights-destroy-button = Destroy the file
rights-new-request = Record a request to destroy
rights-record-button = Record the request
rights-party-youth = { $name } (young person)
rights-party-parent = { $name } (parent)
rights-party-guardian = Guardian
rights-case-notice = Someone asked to destroy this file. Handle it before { $date }.
rights-case-notice-link = Go to the request
rights-error-party = Choose who asked.
rights-error-date = Fill in the date the request came in.
rights-error-future = This date is in the future.
rights-error-reason = Write down why the file is not destroyed.
rights-error-confirm = Confirm that you want to destroy the file.
error-destruction-conflict = This is not possible now. There is already an open request, or there is no open request to destroy on.
rights-confirm-title = Are you sure?
rights-confirm-text = You are about to destroy the file of { $name }. This cannot be undone.
rights-confirm-retention = The retention period of 20 years has ended.
rights-confirm-what = This will be removed
rights-confirm-audit = The log keeps only that the file was destroyed, by whom and when. Not what was in it.
rights-confirm-button = Yes, destroy the file
rights-confirm-cancel = No, go back
rights-destroyed-title = The file has been destroyed
rights-destroyed-text = All data of this file has been removed.
rights-destroyed-accounts = { $count ->
    [one] { $count } participant account was disabled, because this person no longer takes part in any case.
   *[other] { $count } participant accounts were disabled, because these people no longer take part in any case.
}
rights-destroyed-back = Back
rights-table-consent-givings = Consents given
rights-table-consents = Consents
rights-table-withholdings = Not shared
rights-table-sharing-decisions = Sharing decisions
rights-table-invitations = Invitations
rights-table-participants = Participants
rights-table-ties = Ties
rights-table-map-versions = Map versions
rights-table-members = People in the network
rights-table-case-parents = Parents
rights-table-destruction-requests = Requests to destroy
rights-table-cases = The case itself
home-destruction-title = Requests to destroy
home-destruction-none = There are no open requests.
retention-title = Retention period ended
retention-intro = We keep a closed file for 20 years after its last change. After that it must go. Review these files and destroy them.
retention-none = There are no files whose retention period has ended.
retention-caption = Closed files, not changed for more than 20 years
retention-name = Young person
retention-team = Team in charge
retention-closed-on = Closed on
retention-last-change = Last change
retention-action = Action
retention-destroy = Destroy
history-title = History
history-none = Nothing changed yet.
history-removed = Removed from the network.

## The one plan
case-tabs-label = Parts of the file
case-tab-network = Network
case-tab-plan = Plan
case-tab-meetings = Network meetings
case-tab-support = Support figures
case-tab-sharing = Sharing
form-has-errors = Not everything was filled in correctly:
error-out-of-range = This number is outside what is possible.
error-date-time = Enter a date and time, for example 2026-12-15 19:30.
plan-title = The plan
plan-not-adopted = This plan has not been adopted yet.
plan-version-label = Version { $number }, adopted on { $date }
plan-signed-by = Agreed:
plan-not-signed-by = not yet:
plan-sign-offs = Agreement
plan-sign-offs-none = Nobody has agreed yet.
plan-sign-off-name = Name
plan-sign-off-on = Agreed on
plan-download-pdf = Plan as PDF
plan-goals = Goals
plan-goals-none = No goals yet.
plan-goal = Goal
plan-goal-hint = In the words of whoever holds the goal.
plan-goal-holder = Whose
plan-goal-how-we-know = How we will know it is reached
plan-add-goal = Add goal
plan-holder-youth = The young person
plan-holder-parent = Parent
plan-holder-network = The network
plan-holder-professional = The professional
plan-actions = Who does what by when
plan-actions-none = No actions yet.
plan-action-what = What
plan-action-who = Who
plan-action-due = Done by
plan-action-status = Status
plan-action-goal = For which goal
plan-action-no-goal = No particular goal
plan-add-action = Add action
plan-status-open = Not started
plan-status-doing = Under way
plan-status-done = Done
plan-status-stopped = Stopped
plan-overdue = Overdue
plan-progress-note = What happened? (optional)
plan-progress-save = Save
plan-remove = Remove
plan-who-youth = { $name } (young person)
plan-who-parent = { $name } (parent)
plan-who-professional = { $name } (professional)
plan-who-unknown = Someone no longer in the network
plan-safety = Safety
plan-safety-intro = Only those with consent for the safety agreements see this part.
plan-safety-worries = What are we worried about?
plan-safety-working-well = What is working well?
plan-safety-needs = What needs to happen?
plan-safety-save = Save
plan-agreements = Safety agreements
plan-agreements-none = No agreements yet.
plan-agreement-concern = Concern
plan-agreement-agreement = Agreement
plan-agreement-who-watches = Who keeps watch
plan-agreement-if-wrong = If it goes wrong
plan-add-agreement = Add agreement
plan-adopt-title = Adopt the plan
plan-adopt-text = The plan as it is now becomes a new version. Everyone taking part can then agree to it from their own account.
plan-adopt-meeting = Adopted in the network meeting of
plan-adopt-no-meeting = Not in a network meeting
plan-adopt-button = Adopt as a new version
plan-versions = Versions
plan-versions-none = No versions yet.
plan-compare-from = From version
plan-compare-to = To version
plan-compare-button = Compare
plan-compare-title = What changed from version { $from } to version { $to }
plan-compare-same = Nothing changed.
plan-back = Back to the plan
plan-change-goal-added = New goal: { $text }
plan-change-goal-removed = Goal removed: { $text }
plan-change-goal-changed = Goal changed: { $text }
plan-change-action-added = New action: { $text } ({ $who })
plan-change-action-removed = Action removed: { $text }
plan-change-action-status = { $text }: from { $from } to { $to }
plan-change-action-who = { $text }: now by { $who }
plan-change-action-due = { $text }: now due { $date }
plan-change-action-text = Action described differently: { $text }
plan-change-agreement-added = New safety agreement: { $text }
plan-change-agreement-removed = Safety agreement removed: { $text }
plan-change-agreement-changed = Safety agreement changed: { $text }
plan-change-safety = The worries, what works well or what needs to happen changed.
plan-error-conflict = Someone else just changed the plan. Look at the plan again and make your change once more.
plan-error-meeting = This network meeting is not known in this file.
plan-handout-title = Plan of { $name }
plan-handout-version = Version { $number } · adopted on { $date }
plan-handout-draft = Not adopted yet · printed on { $date }
plan-handout-for = Printed for: { $name }
plan-handout-footer = Confidential — Steunkring
plan-handout-page = Page
plan-field-text = Goal
plan-field-holder = Whose
plan-field-how-we-know = How we will know it is reached
plan-field-what = What
plan-field-who = Who
plan-field-due-on = Done by
plan-field-status = Status
plan-field-goal-id = For which goal
plan-field-worries = Worries
plan-field-working-well = What works well
plan-field-needs-to-happen = What needs to happen
plan-field-concern = Concern
plan-field-agreement = Agreement
plan-field-who-watches = Who keeps watch
plan-field-if-wrong = If it goes wrong
plan-field-note = What happened

## Network meetings
meetings-title = Network meetings
meetings-intro = Bring the network together. The family asks its own question; what is agreed goes into the plan.
meetings-none = No network meeting planned yet.
meeting-new = Plan a network meeting
meeting-kind = Kind
meeting-kind-network-meeting = Network meeting
meeting-kind-family-group-conference = Family group conference
meeting-kind-signs-of-safety = Safety network meeting (Signs of Safety)
meeting-status = Status
meeting-status-planned = Planned
meeting-status-held = Held
meeting-status-cancelled = Cancelled
meeting-own-question = The family's own question
meeting-own-question-hint = In the family's words.
meeting-starts-at = Date and start time
meeting-minutes = How long (minutes)
meeting-location = Where
meeting-invitees = Who we invite
meeting-no-members = Nobody is in the network yet. Add people on the network map first.
meeting-plan-button = Plan
meeting-back = Back to network meetings
meeting-when = When
meeting-when-value = { $date } at { $time } ({ $minutes } minutes)
meeting-minutes-value = { $minutes } minutes
meeting-private-minutes = Time without professionals (minutes)
meeting-private-hint = The time in which the family and network talked without professionals.
meeting-notes = Notes
meeting-warnings-title = Note: these invitees have no consent for everything that will be discussed.
meeting-warning = { $name }: no consent for { $what }
meeting-warnings-link = Arrange consent
meeting-ics = Add to my calendar (.ics)
meeting-print = Print invitation
meeting-held-title = The network meeting was held
meeting-attended = Who came
meeting-held-button = Save
meeting-came = came
meeting-did-not-come = did not come
meeting-adopt-plan = Adopt the plan from this meeting
meeting-invitation-intro = You are invited to think along with { $name } and the family.
meeting-invitation-footer = This invitation is confidential. Do not share it with others.
meeting-ics-summary = { $kind } with { $name }
meeting-field-kind = Kind
meeting-field-own-question = The own question
meeting-field-starts-at = Date and start time
meeting-field-minutes = How long
meeting-field-location = Where
meeting-field-invitees = Invitees
meeting-field-attended = Who came
meeting-field-private-minutes = Time without professionals
meeting-field-notes = Notes
mine-plan-signed = You agreed to this version.
mine-plan-sign = I agree with this plan
mine-tasks = My tasks
mine-tasks-none = You have no tasks in the plan.
mine-task-status = How is it going?
home-tasks-title = My tasks
home-task-due = due { $date }
home-overdue-title = Actions past their date
home-overdue-none = No actions past their date.
## Support figures (JIM), concerns and moral deliberation
support-title = Support figures, concerns and moral deliberation
support-back-to-case = Back to the case
support-back = Back to support figures and concerns
support-intro = A young person chooses someone from their own network as a support figure (JIM). You screen the nomination, the support figure says yes themselves, and you make agreements together. Record concerns about informal support here: nobody knows its negative effects well yet.
support-problems-title = Not everything is filled in correctly
support-figures-title = Support figures
support-figures-none = No support figures have been nominated yet.
support-nominated-on = Nominated on { $date }
support-started-on = started on { $date }
support-ended-on = stopped on { $date }
support-nominate-title = Nominate someone on the young person's behalf
support-nominate-hint = Choose someone from the network map and write down why, in the young person's own words.
support-nominate-empty-map = Nobody is on the network map yet. Add people to the map first.
support-nominate-button = Nominate
support-own-words-hint = Write it down the way the young person said it.
support-nomination-title = The nomination
support-nominated-by-professional = recorded by a professional on the young person's behalf
support-figure-title = Support figure { $name }
support-screening-title = Safety screening
support-screening-hint = Are there safety concerns? Decide whether this person can become a support figure and write down why.
support-screening-button = Record the screening
support-screening-none = Not screened yet.
support-acceptance-title = Saying yes
support-accepted-on = The support figure said yes on { $date }.
support-awaits-acceptance = Approved. The support figure can now say yes on their own page. Invite this person as a support figure, linked to this person on the map.
support-acceptance-after-screening = Saying yes is only possible after an approving screening.
support-agreement-title = Agreements
support-agreement-button = Save the agreements
support-agreement-after-screening = Agreements are made after an approving screening.
support-meetings-part-hint = For example: speaks for the young person in meetings with parents and professionals.
support-log-title = Log: coaching and contact
support-log-none = Nothing in the log yet.
support-coaching-button = Record coaching
support-end-title = Ending
support-end-button = End this support figure
support-field-member-id = Who
support-field-kind = Kind of support
support-field-own-words = Why this person (the young person's own words)
support-field-nominated-on = Date of the nomination
support-field-on = Date
support-field-safety-concerns = Safety concerns
support-field-decision = Decision
support-field-reason = Reason
support-field-roles = Roles
support-field-contact-how = How they keep in touch
support-field-contact-frequency = How often
support-field-meetings-part = Part in meetings with parents and professionals
support-field-text = Text
support-field-coaching = Coaching conversation
support-field-youth-view = What the young person thinks of it
support-field-about = About whom or what
support-field-what = What is the concern
support-field-seriousness = How serious
support-field-what-was-done = What was done
support-field-held-on = Date of the deliberation
support-field-question = The question
support-field-participants = Who took part
support-field-considerations = Considerations
support-field-follow-up = Follow-up
support-kind-jim = JIM (your own chosen mentor)
support-kind-citizen-guardian = Citizen guardian
support-kind-network-foster-family = Network foster family
jim-role-socio-emotional = Socio-emotional support
jim-role-practical = Practical support
jim-role-guidance = Guidance and advice
jim-role-role-model = Role model
jim-role-mobilising = Mobilising resources
support-status-nominated = Nominated
support-status-screened = Screened
support-status-active = Active
support-status-ended = Ended
screening-approve = Approved
screening-decline = Declined
support-log-coaching = Coaching
support-log-contact = Contact moment
support-error-accept = Saying yes is only possible after an approving screening, and only once.
support-error-screen = This nomination has already been screened or has ended.
support-error-agree = Agreements are only possible after an approving screening and before the support figure stops.
support-error-end = This support figure has already ended, or the date is before the nomination.
support-error-member = Choose someone who is on this case's network map.
support-error-roles = Choose at least one role.
support-error-open = This person already has a running nomination. End it first.
support-error-log = This cannot go in this support figure's log now: coaching after an approving screening, contact moments only while the support figure is active.
support-error-one-step = Send exactly one step: screening, agreement or end.
concern-title = Concerns about informal support
concern-intro = Any professional of the team can record a concern about someone in the network or about the informal support itself. A concern stays open until you record what was done.
concern-none = No concerns have been recorded.
concern-open-count = { $count ->
    [one] One concern is open
   *[other] { $count } concerns are open
}
concern-open-link = To the concerns
concern-about-informal-support = The informal support itself
concern-seriousness-low = Low
concern-seriousness-medium = Medium
concern-seriousness-high = Serious
concern-status-open = Open
concern-status-closed = Closed
concern-registered = Recorded: { $who }
concern-closed-with = Closed: { $what }
concern-close-button = Close the concern
concern-new-title = Record a concern
concern-register-button = Record the concern
concern-error-closed = This concern has already been closed.
deliberation-title = Moral deliberation
deliberation-intro = A deliberation on a dilemma about risks. The young person, the family and the network can take part.
deliberation-none = No moral deliberation has been recorded yet.
deliberation-new-title = Record a moral deliberation
deliberation-participants-hint = One name per line, for example: Sanne (young person), grandma Joke, behavioural scientist.
deliberation-record-button = Record the deliberation
deliberation-error-participants = Write down who took part.
mine-support-title = Support figures
mine-support-intro-youth = Choose someone from your network who supports you. Write down why, in your own words.
mine-support-intro-figure = Here you see whether you were nominated as a support figure. You can say yes yourself and keep track of your contact moments.
mine-support-none = Nobody nominated yet.
mine-support-their-words = Why the young person chose you:
mine-support-roles = Agreed roles: { $roles }
mine-support-accept = Yes, I want to be a support figure
mine-contact-text = What did you do together?
mine-contact-on = When
mine-contact-button = Save the contact moment
mine-contacts-title = Your contact moments
mine-nominate-title = Choose someone as your support figure
mine-nominate-who = Whom do you choose?
mine-nominate-why = Why this person? Write it in your own words.
mine-nominate-button = Choose
mine-support-invalid = Choose someone from your map and write down why (at most 2000 characters).
mine-support-open = This person has already been chosen as a support figure.
mine-contact-invalid = Write down what you did (at most 2000 characters) and choose a date that is not in the future.
# Support checks (measurements)
case-tab-checks = Measurements
checks-title = Measurements
checks-intro = A support check goes through everyone on the network map together: what support each person gives, how close they are and how often you see each other. Repeat it every three months to see what changes.
checks-next-due = Next support check: { $date }
checks-due-now = The next support check is due (since { $date }).
checks-none = No support check has been done yet.
checks-start = New support check
checks-respondent = Who answers it?
checks-start-button = Start support check
check-title = Support check of { $date }
check-progress = { $answered } of { $total }
check-key-scores = Perceived support (mean, 1 to 3)
check-finished-on = Finished on { $date }
check-resume = Continue
check-back = Back to the measurements
check-no-members = Nobody is on the network map yet. Add people to the map first.
check-about-person = About this person
check-criticalness = How often is this person critical of you?
check-direction = Who helps whom?
check-closeness = How close is this person to you?
check-seen = How often do you see this person?
check-known = How long have you known this person?
check-save-next = Save and continue
check-save-pause = Save and pause
check-all-answered = Everyone has been answered. Finish the support check to record the results.
check-finish = Finish support check
check-scores = Results
check-score = Result
check-score-members = Number of people
check-score-seen-weekly = Seen every week or more
check-score-reciprocity = Help each other both ways
check-score-known-long = Known for more than 5 years
check-group-all = Everyone
check-group-informal = Own network
check-group-formal = Professionals
check-change-answer = Change an answer
mine-checks-title = My support check
mine-checks-intro = Tell us for each person on your map how they support you. You can stop in between and continue later.
mine-checks-link = Fill in the support check
support-check-rating-hardly-ever = Hardly ever
support-check-rating-sometimes = Sometimes
support-check-rating-almost-always = Almost always
support-check-closeness-not-very-close = Not very close
support-check-closeness-sort-of-close = Sort of close
support-check-closeness-very-close = Very close
support-check-respondent-youth = The young person
support-check-respondent-parent = A parent
support-check-respondent-professional = The professional
support-check-type-concrete = Practical help
support-check-type-emotional = Comfort and a listening ear
support-check-type-informational = Advice and information
support-check-timeframe-perceived = When you need it, can you count on this person for…
support-check-timeframe-received = In the past four weeks this person gave you…
error-support-check-member-unknown = This person is not on this case's network map.
error-support-check-finished = This support check has already been finished.
error-support-check-empty = First answer the questions for at least one person.
error-support-check-finish-before-start = The finish date is before the start.
check-paused = Saved. You can continue later where you left off.

## Insight (analyst)
nav-insights = Insight
insight-title = Insight
insight-intro = Totals over cases only, never a person. Counts below 10 read "fewer than 10", also where they could be worked out from the difference between two filters.
insight-period = Period (cases open at the time)
insight-setting = Care setting
insight-team = Care team
insight-show = Show
insight-all = All
insight-period-all = All time
insight-key-figures = Key figures
insight-network-share = Network involved in the plan (an action held by someone of the own network)
insight-national = national
insight-figure-share = At least one support figure
insight-means-title = Network at the start and latest
insight-means = Over { $cases } cases with a saved network map: on average { $start } people at the start and { $latest } latest; informal share { $informal_start } % at the start and { $informal_latest } % latest.
insight-downloads = Download the tables:
insight-download-csv = CSV file
insight-download-xlsx = Excel file (XLSX)
insight-table-caption = numbers of cases
insight-total = Total
insight-suppressed = fewer than 10
insight-suppressed-note = Fewer than 10: not shown, so that no one can be recognised
insight-no-data = No data
insight-chart-counts = Numbers of cases per group.
insight-chart-share = Share of cases per row, in percent.
insight-decimal-comma = no
insight-bad-period = Choose a period from the list.
insight-bad-setting = Choose a setting from the list.
insight-bad-team = Choose a team from the list.
insight-bad-filter = Choose the filters from the lists on the Insight page.
insight-figure-network-in-plan = Network involved in the plan
insight-figure-support-figure = Support figures
insight-figure-network-size = Network size at the start and latest
insight-figure-informal-share = Share of informal members at the start and latest
insight-figure-support-gaps = Support gaps (fewer than two informal givers)
insight-figure-outcomes = Outcomes
insight-figure-concerns = Concerns (the most serious per case)
insight-row-start = At the start
insight-row-latest = Latest
insight-outcome-placement-prevented = Out-of-home placement prevented
insight-outcome-placement-happened = Placed out of home
insight-outcome-placement-network-foster-family = Placed with a network foster family
insight-outcome-returned-home = Back home
insight-outcome-specialist-care-scaled-down = Specialist care scaled down
insight-outcome-formal-help-ended = Formal help ended
insight-col-network-in-plan-involved = Network in the plan
insight-col-network-in-plan-not-involved = Network not in the plan
insight-col-support-figure-with = With a support figure
insight-col-support-figure-without = Without a support figure
insight-col-network-size-0-4 = 0–4 people
insight-col-network-size-5-9 = 5–9 people
insight-col-network-size-10-14 = 10–14 people
insight-col-network-size-15plus = 15 or more people
insight-col-informal-share-0-24 = under 25 % informal
insight-col-informal-share-25-49 = 25 to 50 % informal
insight-col-informal-share-50-74 = 50 to 75 % informal
insight-col-informal-share-75-100 = 75 % or more informal
insight-col-support-gaps-gap = With a gap
insight-col-support-gaps-no-gap = Without a gap
insight-col-outcomes-with = With this outcome
insight-col-outcomes-without = Without
insight-col-concerns-none = No concern
insight-col-concerns-low = Low
insight-col-concerns-medium = Medium
insight-col-concerns-high = Serious
