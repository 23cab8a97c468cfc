# The invoices app's own texts, in German (see en.ftl).

app-name = Rechnungen
nav-all = Alle Rechnungen
nav-new = Neue Rechnung
nav-language = Sprache

list-title = Rechnungen
list-search-label = Nach Kunde oder Nummer suchen
list-search = Suchen
list-empty = Keine Rechnungen.
list-no-match = Keine Rechnung passt zu „{ $q }“.

field-number = Nummer
field-customer = Kunde
field-email = E-Mail
field-amount = Betrag
field-status = Status
field-due = Fällig am
field-notes = Notizen
field-urgent = Dringend
field-tags = Schlagwörter
field-items = Positionen
field-attachment = Anhang
field-attachment-help = Ein PDF oder PNG von höchstens 1 MB
field-description = Beschreibung
field-quantity = Menge
field-price = Preis

choice-pending = Offen
choice-paid = Bezahlt
choice-billing = Abrechnung
choice-support = Support
choice-consulting = Beratung

invoice-status-pending = offen
invoice-status-paid = bezahlt
invoice-status-draft = Entwurf

form-new-title = Neue Rechnung
form-edit-title = { $number } bearbeiten
form-create = Rechnung anlegen
form-save-draft = Als Entwurf speichern
form-save-changes = Änderungen speichern
form-current-attachment = Aktueller Anhang: { $name } (bleibt erhalten, wenn Sie keine andere Datei wählen).

invoice-number-format = Verwenden Sie INV- und vier Ziffern, etwa INV-0001
invoice-customer-required = Geben Sie den Namen des Kunden ein
invoice-email-format = Geben Sie eine E-Mail-Adresse wie name@example.com ein
invoice-items-required = Fügen Sie mindestens eine Position hinzu
item-description-required = Beschreiben Sie die Position
invoice-attachment-too-large = Wählen Sie eine Datei von höchstens 1 MB
invoice-number-taken = { $number } ist bereits vergeben
invoice-gone = Diese Rechnung gibt es nicht mehr

flash-created = Rechnung { $number } angelegt
flash-saved = Rechnung { $number } gespeichert
flash-paid = Als bezahlt markiert
flash-deleted = Rechnung gelöscht

show-none = keine
show-yes = ja
show-no = nein
show-total = Summe
show-edit = Bearbeiten
show-mark-paid = Als bezahlt markieren
show-delete = Löschen

page-failed-title = Etwas ist schiefgelaufen
page-failed-message = Bitte versuchen Sie es gleich noch einmal.
page-not-found-title = Nicht gefunden
page-not-found-message = Diese Seite oder Rechnung gibt es nicht.
page-back = Zurück zu den Rechnungen
