# formaction: French (fr). Plural categories: one (0 and 1, 1.5), many (a million and its
# multiples: "1 000 000 de caractères"), other.
# Typography: a no-break space before ":", ";" and "?", and inside « ».

## Field errors: one message per error code.

error-required = Ce champ est obligatoire
error-too-short = Saisissez au moins { $min ->
    [one] { $min } caractère
    [many] { $min } de caractères
   *[other] { $min } caractères
}
error-too-long = Saisissez au maximum { $max ->
    [one] { $max } caractère
    [many] { $max } de caractères
   *[other] { $max } caractères
}
error-wrong-length = Saisissez exactement { $equal ->
    [one] { $equal } caractère
    [many] { $equal } de caractères
   *[other] { $equal } caractères
}
error-too-few = Choisissez-en au moins { $min }
error-too-many = Choisissez-en au plus { $max }
error-wrong-count = Choisissez-en exactement { $equal }
error-too-small = La valeur doit être d’au moins { $min }
error-too-big = La valeur ne doit pas dépasser { $max }
error-not-greater = La valeur doit être supérieure à { $min }
error-not-less = La valeur doit être inférieure à { $max }
error-invalid-email = Saisissez une adresse e-mail valide
error-invalid-url = Saisissez une URL valide
error-invalid-format = Saisissez une valeur au format attendu
error-missing-text = La valeur doit contenir « { $needle } »
error-forbidden-text = La valeur ne doit pas contenir « { $needle } »
error-mismatch = La valeur doit correspondre à « { $other } »
error-control-character = La valeur ne doit pas contenir de caractères de contrôle
error-invalid-integer = Saisissez un nombre entier
error-invalid-number = Saisissez un nombre
error-invalid-decimal = Saisissez un nombre
error-out-of-range = Saisissez un nombre compris entre { $min } et { $max }
error-too-many-decimals = Utilisez au plus { $scale ->
    [one] { $scale } décimale
    [many] { $scale } de décimales
   *[other] { $scale } décimales
}
error-invalid-boolean = Choisissez oui ou non
error-invalid-char = Saisissez un seul caractère
error-invalid-choice = Choisissez l’une des options
error-invalid-date = Saisissez une date valide
error-invalid-time = Saisissez une heure valide
error-invalid-datetime = Saisissez une date et une heure valides
error-expected-file = Choisissez un fichier
error-expected-text = Saisissez du texte, pas un fichier
error-file-type = Ce type de fichier n’est pas accepté
error-file-content = Le contenu de ce fichier ne correspond pas à son type
error-file-too-large = Le fichier ne doit pas dépasser { $size }
error-invalid-index = Cette position dans la liste n’est pas valide
error-invalid-ip = Saisissez une adresse IP valide
error-already-sent = Ce formulaire a déjà été envoyé. Vérifiez les valeurs ci-dessous, puis envoyez-le de nouveau.
error-default = Cette valeur n’est pas valide

## Labels the runtime writes into forms.

label-summary-title = Il y a un problème
label-select-placeholder = Choisissez…
label-submit = Envoyer
label-list-row = { $list } { $position }
label-remove-row = Supprimer { $row }
label-add-row = Ajouter une ligne à { $list }

## Headings of the refusal page, by HTTP status.

status-400 = Requête incorrecte
status-403 = Accès interdit
status-404 = Introuvable
status-405 = Méthode non autorisée
status-408 = Délai de la requête dépassé
status-413 = Requête trop volumineuse
status-415 = Type de média non pris en charge
status-500 = Erreur interne du serveur
status-503 = Service indisponible
status-other = Erreur

## Refusals: the refusal page's text and the JSON answer's `error`.

refusal-host-forwarded-hosts-differ = impossible de déterminer l’hôte de la requête : les en-têtes X-Forwarded-Host et Forwarded du proxy indiquent des hôtes différents
refusal-host-forwarded-schemes-differ = impossible de déterminer le schéma de la requête : les en-têtes X-Forwarded-Proto et Forwarded du proxy indiquent des schémas différents
refusal-host-forwarded-not-ascii = impossible de déterminer l’hôte de la requête : l’en-tête { $header } du proxy n’est pas en ASCII
refusal-host-forwarded-empty-entry = impossible de déterminer l’hôte de la requête : l’en-tête { $header } du proxy se termine par une entrée vide
refusal-host-forwarded-scheme-unknown = impossible de déterminer le schéma de la requête : celui du proxy n’est ni http ni https
refusal-host-forwarded-malformed = impossible de déterminer l’hôte de la requête : l’en-tête Forwarded du proxy est mal formé
refusal-host-several = la requête a plusieurs en-têtes Host
refusal-host-missing = la requête n’a pas d’en-tête Host
refusal-host-unknown-development = hôte inconnu `{ $host }` : sans FORMACTION_ORIGIN, seuls les hôtes de bouclage sont servis (localhost, *.localhost, 127.0.0.1, [::1]) ; définissez FORMACTION_ORIGIN sur l’origine de cette application
refusal-host-unknown = hôte inconnu `{ $host }` : cette application ne répond pas à ce nom

refusal-cross-origin-several = requête intersite refusée : plusieurs en-têtes { $header }
refusal-cross-origin-no-source = requête intersite refusée : la requête n’a ni Origin ni Referer
refusal-cross-origin-no-host = requête intersite refusée : la requête n’a pas d’en-tête Host
refusal-cross-origin = requête intersite refusée : { $header } ne correspond pas à ce site

refusal-content-type-unreadable = type de contenu illisible
refusal-content-type-unsupported = type de contenu `{ $content_type }` non pris en charge : envoyez application/x-www-form-urlencoded, multipart/form-data ou application/json
refusal-content-type-unknown = type de contenu `{ $content_type }` non pris en charge
refusal-content-type-missing = type de contenu non pris en charge : la requête n’a pas de Content-Type
refusal-content-encoding-unsupported = Content-Encoding `{ $encoding }` non pris en charge : envoyez le corps sans compression

refusal-action-unknown = cette page n’a pas d’action `{ $action }`
refusal-no-actions = cette page n’a aucune action
refusal-action-ambiguous = cette page a plusieurs actions : nommez-en une avec ?_action=<id>
refusal-intent-without-page = ajouter ou supprimer des lignes d’une liste nécessite une page : envoyez le formulaire à sa page

refusal-body-too-large = le corps de la requête dépasse la limite de { $limit ->
    [one] { $limit } octet
    [many] { $limit } d’octets
   *[other] { $limit } octets
} fixée pour cette action
refusal-body-unreadable = le corps de la requête n’a pas pu être lu
refusal-body-read-failed = échec de la lecture du corps de la requête : { $cause }
refusal-busy = le serveur reçoit trop d’envois à la fois : réessayez dans un instant
refusal-once-token = le jeton à usage unique du formulaire a été modifié ou provient d’un autre site : rechargez la page et renvoyez le formulaire
refusal-once-key = l’en-tête Idempotency-Key doit être donné une seule fois, avec 1 à 255 caractères ASCII visibles
refusal-once-running = Ce formulaire est déjà en cours d’envoi. Patientez un instant, puis rechargez la page.
refusal-once-unavailable = Le formulaire n’a pas pu être envoyé pour le moment. Veuillez réessayer.

refusal-bound-missing = les arguments liés de cette action sont absents
refusal-bound-malformed = les arguments liés sont mal formés
refusal-bound-too-long = les arguments liés sont trop longs : une valeur scellée compte au plus { $max ->
    [one] { $max } caractère
    [many] { $max } de caractères
   *[other] { $max } caractères
}
refusal-bound-rejected = les arguments liés ont été modifiés, appartiennent à une autre action ou ont été scellés avec une clé qui n’est plus acceptée
refusal-bound-expired = les arguments liés ont expiré : rechargez la page et réessayez
refusal-bound-undecodable = les arguments liés n’ont pas la forme attendue

refusal-too-many-fields = trop de champs : la limite est de { $limit }
refusal-too-many-files = trop de fichiers : la limite est de { $limit }
refusal-field-too-large = la valeur de `{ $name }` dépasse la limite de { $limit ->
    [one] { $limit } octet
    [many] { $limit } d’octets
   *[other] { $limit } octets
}
refusal-file-too-large = le fichier de `{ $name }` dépasse la limite de { $limit ->
    [one] { $limit } octet
    [many] { $limit } d’octets
   *[other] { $limit } octets
}
refusal-name-too-long = un nom de champ dépasse la limite de { $limit ->
    [one] { $limit } octet
    [many] { $limit } d’octets
   *[other] { $limit } octets
} (il commence par `{ $start }`)
refusal-percent-encoding = encodage-pourcent non valide à l’octet { $offset }
refusal-name-not-utf8-at = le nom de champ à l’octet { $offset } n’est pas de l’UTF-8 valide
refusal-name-not-utf8 = un nom de champ n’est pas de l’UTF-8 valide
refusal-value-not-utf8 = la valeur de `{ $name }` n’est pas de l’UTF-8 valide
refusal-multipart-malformed = corps multipart mal formé : { $reason }
refusal-multipart-disposition-not-utf8 = corps multipart mal formé : le Content-Disposition de la partie `{ $name }` n’est pas de l’UTF-8 valide
refusal-multipart-disposition-not-utf8-unnamed = corps multipart mal formé : le Content-Disposition d’une partie n’est pas de l’UTF-8 valide
refusal-multipart-ended-before-first-part = corps multipart mal formé : le corps se termine avant la première partie (le délimiteur est-il celui du type de contenu ?)
refusal-multipart-no-closing-boundary = corps multipart mal formé : le corps se termine sans le délimiteur final
refusal-multipart-ended-in-part = corps multipart mal formé : le corps se termine au milieu de la partie `{ $name }`
refusal-multipart-ended-in-unnamed-part = corps multipart mal formé : le corps se termine au milieu d’une partie
refusal-multipart-invalid-headers = corps multipart mal formé : les en-têtes d’une partie ne sont pas valides
refusal-multipart-part-without-name = corps multipart mal formé : une partie n’a pas de nom dans son Content-Disposition
refusal-multipart-no-boundary = type de contenu multipart sans délimiteur (boundary)
refusal-json-invalid = JSON non valide : { $reason }
refusal-json-not-object = le corps JSON doit être un objet
refusal-json-too-deep = le corps JSON est imbriqué au-delà de la limite de { $limit ->
    [one] { $limit } niveau
    [many] { $limit } de niveaux
   *[other] { $limit } niveaux
}

refusal-internal-error = Une erreur s’est produite de notre côté. Veuillez réessayer.
refusal-timeout = La requête n’a pas abouti dans un délai de { $seconds ->
    [one] { $seconds } seconde
    [many] { $seconds } de secondes
   *[other] { $seconds } secondes
}. Veuillez réessayer.

## The enhancement script's own texts.

script-next-page-unavailable = Le formulaire a été envoyé, mais la page suivante n’a pas pu s’ouvrir.
script-answer-unreadable = La réponse du serveur n’a pas pu être lue. Vérifiez avant de renvoyer le formulaire.
script-failed = Une erreur s’est produite. Veuillez réessayer.
