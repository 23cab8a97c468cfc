# formaction: German (de). Plural categories: one, other.
# "Zeichen" and "Byte" do not change after a number, so only a few messages select.

## Field errors: one message per error code.

error-required = Dieses Feld muss ausgefüllt werden
error-too-short = Geben Sie mindestens { $min } Zeichen ein
error-too-long = Geben Sie höchstens { $max } Zeichen ein
error-wrong-length = Geben Sie genau { $equal } Zeichen ein
error-too-few = Wählen Sie mindestens { $min } aus
error-too-many = Wählen Sie höchstens { $max } aus
error-wrong-count = Wählen Sie genau { $equal } aus
error-too-small = Der Wert muss mindestens { $min } sein
error-too-big = Der Wert darf höchstens { $max } sein
error-not-greater = Der Wert muss größer als { $min } sein
error-not-less = Der Wert muss kleiner als { $max } sein
error-invalid-email = Geben Sie eine gültige E-Mail-Adresse ein
error-invalid-url = Geben Sie eine gültige URL ein
error-invalid-format = Geben Sie einen Wert im erwarteten Format ein
error-missing-text = Der Wert muss „{ $needle }“ enthalten
error-forbidden-text = Der Wert darf „{ $needle }“ nicht enthalten
error-mismatch = Der Wert muss mit „{ $other }“ übereinstimmen
error-control-character = Der Wert darf keine Steuerzeichen enthalten
error-invalid-integer = Geben Sie eine ganze Zahl ein
error-invalid-number = Geben Sie eine Zahl ein
error-invalid-decimal = Geben Sie eine Zahl ein
error-out-of-range = Geben Sie eine Zahl von { $min } bis { $max } ein
error-too-many-decimals = Verwenden Sie höchstens { $scale ->
    [one] { $scale } Nachkommastelle
   *[other] { $scale } Nachkommastellen
}
error-invalid-boolean = Wählen Sie Ja oder Nein
error-invalid-char = Geben Sie ein einzelnes Zeichen ein
error-invalid-choice = Wählen Sie eine der Optionen aus
error-invalid-date = Geben Sie ein gültiges Datum ein
error-invalid-time = Geben Sie eine gültige Uhrzeit ein
error-invalid-datetime = Geben Sie ein gültiges Datum und eine gültige Uhrzeit ein
error-expected-file = Wählen Sie eine Datei aus
error-expected-text = Geben Sie Text ein, keine Datei
error-file-type = Dieser Dateityp wird nicht akzeptiert
error-file-content = Der Inhalt dieser Datei passt nicht zu ihrem Typ
error-file-too-large = Die Datei darf höchstens { $size } groß sein
error-invalid-index = Diese Position in der Liste ist ungültig
error-invalid-ip = Geben Sie eine gültige IP-Adresse ein
error-already-sent = Dieses Formular wurde bereits gesendet. Prüfen Sie die Angaben unten und senden Sie es dann erneut.
error-default = Dieser Wert ist ungültig

## Labels the runtime writes into forms.

label-summary-title = Es gibt ein Problem
label-select-placeholder = Bitte auswählen …
label-submit = Absenden
label-list-row = { $list } { $position }
label-remove-row = { $row } entfernen
label-add-row = Zeile zu { $list } hinzufügen

## Headings of the refusal page, by HTTP status.

status-400 = Ungültige Anfrage
status-403 = Zugriff verweigert
status-404 = Nicht gefunden
status-405 = Methode nicht erlaubt
status-408 = Zeitüberschreitung der Anfrage
status-413 = Anfrage zu groß
status-415 = Medientyp nicht unterstützt
status-500 = Interner Serverfehler
status-503 = Dienst nicht verfügbar
status-other = Fehler

## Refusals: the refusal page's text and the JSON answer's `error`.

refusal-host-forwarded-hosts-differ = der Host der Anfrage lässt sich nicht bestimmen: X-Forwarded-Host und Forwarded des Proxys nennen verschiedene Hosts
refusal-host-forwarded-schemes-differ = das Schema der Anfrage lässt sich nicht bestimmen: X-Forwarded-Proto und Forwarded des Proxys nennen verschiedene
refusal-host-forwarded-not-ascii = der Host der Anfrage lässt sich nicht bestimmen: der Header { $header } des Proxys ist kein ASCII
refusal-host-forwarded-empty-entry = der Host der Anfrage lässt sich nicht bestimmen: der Header { $header } des Proxys endet mit einem leeren Eintrag
refusal-host-forwarded-scheme-unknown = das Schema der Anfrage lässt sich nicht bestimmen: das des Proxys ist weder http noch https
refusal-host-forwarded-malformed = der Host der Anfrage lässt sich nicht bestimmen: der Forwarded-Header des Proxys ist fehlerhaft
refusal-host-several = die Anfrage hat mehrere Host-Header
refusal-host-missing = die Anfrage hat keinen Host-Header
refusal-host-unknown-development = unbekannter Host `{ $host }`: ohne FORMACTION_ORIGIN werden nur Loopback-Hosts bedient (localhost, *.localhost, 127.0.0.1, [::1]); setzen Sie FORMACTION_ORIGIN auf den Origin dieser App
refusal-host-unknown = unbekannter Host `{ $host }`: diese App antwortet nicht auf diesen Namen

refusal-cross-origin-several = websiteübergreifende Anfrage abgelehnt: mehrere { $header }-Header
refusal-cross-origin-no-source = websiteübergreifende Anfrage abgelehnt: die Anfrage hat weder Origin noch Referer
refusal-cross-origin-no-host = websiteübergreifende Anfrage abgelehnt: die Anfrage hat keinen Host-Header
refusal-cross-origin = websiteübergreifende Anfrage abgelehnt: { $header } passt nicht zu dieser Website

refusal-content-type-unreadable = unlesbarer Inhaltstyp
refusal-content-type-unsupported = nicht unterstützter Inhaltstyp `{ $content_type }`: senden Sie application/x-www-form-urlencoded, multipart/form-data oder application/json
refusal-content-type-unknown = nicht unterstützter Inhaltstyp `{ $content_type }`
refusal-content-type-missing = nicht unterstützter Inhaltstyp: die Anfrage hat keinen Content-Type
refusal-content-encoding-unsupported = nicht unterstütztes Content-Encoding `{ $encoding }`: senden Sie den Inhalt unkomprimiert

refusal-action-unknown = diese Seite hat keine Aktion `{ $action }`
refusal-no-actions = diese Seite hat keine Aktionen
refusal-action-ambiguous = diese Seite hat mehrere Aktionen: nennen Sie eine mit ?_action=<id>
refusal-intent-without-page = zum Hinzufügen oder Entfernen von Listenzeilen ist eine Seite nötig: senden Sie das Formular an seine Seite

refusal-body-too-large = der Inhalt der Anfrage ist größer als das Limit dieser Aktion von { $limit } Byte
refusal-body-unreadable = der Inhalt der Anfrage konnte nicht gelesen werden
refusal-body-read-failed = der Inhalt der Anfrage konnte nicht gelesen werden: { $cause }
refusal-busy = der Server empfängt gerade zu viele Übermittlungen auf einmal: versuchen Sie es gleich noch einmal
refusal-once-token = das Einmal-Token des Formulars wurde verändert oder stammt von einer anderen Website: laden Sie die Seite neu und senden Sie das Formular erneut
refusal-once-key = der Header Idempotency-Key muss genau einmal angegeben werden, mit 1 bis 255 sichtbaren ASCII-Zeichen
refusal-once-running = Dieses Formular wird bereits gesendet. Warten Sie einen Moment und laden Sie dann die Seite neu.
refusal-once-unavailable = Das Formular konnte gerade nicht gesendet werden. Bitte versuchen Sie es erneut.

refusal-bound-missing = die gebundenen Argumente dieser Aktion fehlen
refusal-bound-malformed = die gebundenen Argumente sind fehlerhaft
refusal-bound-too-long = die gebundenen Argumente sind zu lang: ein versiegelter Wert hat höchstens { $max } Zeichen
refusal-bound-rejected = die gebundenen Argumente wurden verändert, gehören zu einer anderen Aktion oder wurden mit einem Schlüssel versiegelt, der nicht mehr akzeptiert wird
refusal-bound-expired = die gebundenen Argumente sind abgelaufen: laden Sie die Seite neu und versuchen Sie es noch einmal
refusal-bound-undecodable = die gebundenen Argumente haben nicht die erwartete Form

refusal-too-many-fields = zu viele Felder: das Limit liegt bei { $limit }
refusal-too-many-files = zu viele Dateien: das Limit liegt bei { $limit }
refusal-field-too-large = der Wert von `{ $name }` ist größer als das Limit von { $limit } Byte
refusal-file-too-large = die Datei in `{ $name }` ist größer als das Limit von { $limit } Byte
refusal-name-too-long = ein Feldname ist länger als das Limit von { $limit } Byte (er beginnt mit `{ $start }`)
refusal-percent-encoding = ungültige Prozentkodierung bei Byte { $offset }
refusal-name-not-utf8-at = der Feldname bei Byte { $offset } ist kein gültiges UTF-8
refusal-name-not-utf8 = ein Feldname ist kein gültiges UTF-8
refusal-value-not-utf8 = der Wert von `{ $name }` ist kein gültiges UTF-8
refusal-multipart-malformed = fehlerhafter Multipart-Inhalt: { $reason }
refusal-multipart-disposition-not-utf8 = fehlerhafter Multipart-Inhalt: die Content-Disposition des Teils `{ $name }` ist kein gültiges UTF-8
refusal-multipart-disposition-not-utf8-unnamed = fehlerhafter Multipart-Inhalt: die Content-Disposition eines Teils ist kein gültiges UTF-8
refusal-multipart-ended-before-first-part = fehlerhafter Multipart-Inhalt: der Inhalt endet vor dem ersten Teil (ist die Boundary die aus dem Content-Type?)
refusal-multipart-no-closing-boundary = fehlerhafter Multipart-Inhalt: der Inhalt endet ohne die abschließende Boundary
refusal-multipart-ended-in-part = fehlerhafter Multipart-Inhalt: der Inhalt endet mitten im Teil `{ $name }`
refusal-multipart-ended-in-unnamed-part = fehlerhafter Multipart-Inhalt: der Inhalt endet mitten in einem Teil
refusal-multipart-invalid-headers = fehlerhafter Multipart-Inhalt: die Header eines Teils sind ungültig
refusal-multipart-part-without-name = fehlerhafter Multipart-Inhalt: ein Teil hat keinen Namen in seiner Content-Disposition
refusal-multipart-no-boundary = Multipart-Inhaltstyp ohne Boundary
refusal-json-invalid = ungültiges JSON: { $reason }
refusal-json-not-object = der JSON-Inhalt muss ein Objekt sein
refusal-json-too-deep = der JSON-Inhalt ist tiefer verschachtelt als das Limit von { $limit ->
    [one] { $limit } Ebene
   *[other] { $limit } Ebenen
}

refusal-internal-error = Auf unserer Seite ist ein Fehler aufgetreten. Bitte versuchen Sie es noch einmal.
refusal-timeout = Die Anfrage wurde nicht innerhalb von { $seconds ->
    [one] { $seconds } Sekunde
   *[other] { $seconds } Sekunden
} abgeschlossen. Bitte versuchen Sie es noch einmal.

## The enhancement script's own texts.

script-next-page-unavailable = Das Formular wurde gesendet, aber die nächste Seite konnte nicht geöffnet werden.
script-answer-unreadable = Die Antwort des Servers konnte nicht gelesen werden. Prüfen Sie das Ergebnis, bevor Sie erneut senden.
script-failed = Etwas ist schiefgelaufen. Bitte versuchen Sie es noch einmal.
