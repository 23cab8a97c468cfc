# formaction: Spanish (es). Plural categories: one (1), many (a million and its multiples:
# "1.000.000 de caracteres"), other.

## Field errors: one message per error code.

error-required = Este campo es obligatorio
error-too-short = Escribe al menos { $min ->
    [one] { $min } carácter
    [many] { $min } de caracteres
   *[other] { $min } caracteres
}
error-too-long = Escribe como máximo { $max ->
    [one] { $max } carácter
    [many] { $max } de caracteres
   *[other] { $max } caracteres
}
error-wrong-length = Escribe exactamente { $equal ->
    [one] { $equal } carácter
    [many] { $equal } de caracteres
   *[other] { $equal } caracteres
}
error-too-few = Elige al menos { $min }
error-too-many = Elige como máximo { $max }
error-wrong-count = Elige exactamente { $equal }
error-too-small = El valor debe ser como mínimo { $min }
error-too-big = El valor debe ser como máximo { $max }
error-not-greater = El valor debe ser mayor que { $min }
error-not-less = El valor debe ser menor que { $max }
error-invalid-email = Escribe una dirección de correo electrónico válida
error-invalid-url = Escribe una URL válida
error-invalid-format = Escribe un valor con el formato esperado
error-missing-text = El valor debe contener «{ $needle }»
error-forbidden-text = El valor no debe contener «{ $needle }»
error-mismatch = El valor debe coincidir con «{ $other }»
error-control-character = El valor no debe contener caracteres de control
error-invalid-integer = Escribe un número entero
error-invalid-number = Escribe un número
error-invalid-decimal = Escribe un número
error-out-of-range = Escribe un número entre { $min } y { $max }
error-too-many-decimals = Usa como máximo { $scale ->
    [one] { $scale } decimal
    [many] { $scale } de decimales
   *[other] { $scale } decimales
}
error-invalid-boolean = Elige sí o no
error-invalid-char = Escribe un solo carácter
error-invalid-choice = Elige una de las opciones
error-invalid-date = Escribe una fecha válida
error-invalid-time = Escribe una hora válida
error-invalid-datetime = Escribe una fecha y una hora válidas
error-expected-file = Elige un archivo
error-expected-text = Escribe texto, no un archivo
error-file-type = Este tipo de archivo no se admite
error-file-content = El contenido de este archivo no coincide con su tipo
error-file-too-large = El archivo no debe superar { $size }
error-invalid-index = Esta posición de la lista no es válida
error-invalid-ip = Escribe una dirección IP válida
error-already-sent = Este formulario ya se había enviado. Revisa los valores de abajo y vuelve a enviarlo.
error-default = Este valor no es válido

## Labels the runtime writes into forms.

label-summary-title = Hay un problema
label-select-placeholder = Elige…
label-submit = Enviar
label-list-row = { $list } { $position }
label-remove-row = Quitar { $row }
label-add-row = Añadir una fila a { $list }

## Headings of the refusal page, by HTTP status.

status-400 = Solicitud incorrecta
status-403 = Acceso prohibido
status-404 = No encontrado
status-405 = Método no permitido
status-408 = Tiempo de espera agotado
status-413 = Solicitud demasiado grande
status-415 = Tipo de contenido no admitido
status-500 = Error interno del servidor
status-503 = Servicio no disponible
status-other = Error

## Refusals: the refusal page's text and the JSON answer's `error`.

refusal-host-forwarded-hosts-differ = no se puede saber el host de la solicitud: X-Forwarded-Host y Forwarded del proxy indican hosts distintos
refusal-host-forwarded-schemes-differ = no se puede saber el esquema de la solicitud: X-Forwarded-Proto y Forwarded del proxy indican esquemas distintos
refusal-host-forwarded-not-ascii = no se puede saber el host de la solicitud: la cabecera { $header } del proxy no es ASCII
refusal-host-forwarded-empty-entry = no se puede saber el host de la solicitud: la cabecera { $header } del proxy termina en una entrada vacía
refusal-host-forwarded-scheme-unknown = no se puede saber el esquema de la solicitud: el del proxy no es ni http ni https
refusal-host-forwarded-malformed = no se puede saber el host de la solicitud: la cabecera Forwarded del proxy está mal formada
refusal-host-several = la solicitud tiene varias cabeceras Host
refusal-host-missing = la solicitud no tiene cabecera Host
refusal-host-unknown-development = host desconocido `{ $host }`: sin FORMACTION_ORIGIN solo se atienden hosts locales (localhost, *.localhost, 127.0.0.1, [::1]); define FORMACTION_ORIGIN con el origen de esta aplicación
refusal-host-unknown = host desconocido `{ $host }`: esta aplicación no responde a ese nombre

refusal-cross-origin-several = solicitud entre sitios rechazada: varias cabeceras { $header }
refusal-cross-origin-no-source = solicitud entre sitios rechazada: la solicitud no tiene ni Origin ni Referer
refusal-cross-origin-no-host = solicitud entre sitios rechazada: la solicitud no tiene cabecera Host
refusal-cross-origin = solicitud entre sitios rechazada: { $header } no coincide con este sitio

refusal-content-type-unreadable = tipo de contenido ilegible
refusal-content-type-unsupported = tipo de contenido `{ $content_type }` no admitido: envía application/x-www-form-urlencoded, multipart/form-data o application/json
refusal-content-type-unknown = tipo de contenido `{ $content_type }` no admitido
refusal-content-type-missing = tipo de contenido no admitido: la solicitud no tiene Content-Type
refusal-content-encoding-unsupported = Content-Encoding `{ $encoding }` no admitido: envía el cuerpo sin comprimir

refusal-action-unknown = esta página no tiene la acción `{ $action }`
refusal-no-actions = esta página no tiene acciones
refusal-action-ambiguous = esta página tiene varias acciones: indica una con ?_action=<id>
refusal-intent-without-page = para añadir o quitar filas de una lista hace falta una página: envía el formulario a su página

refusal-body-too-large = el cuerpo de la solicitud supera el límite de { $limit ->
    [one] { $limit } byte
    [many] { $limit } de bytes
   *[other] { $limit } bytes
} de esta acción
refusal-body-unreadable = no se pudo leer el cuerpo de la solicitud
refusal-body-read-failed = no se pudo leer el cuerpo de la solicitud: { $cause }
refusal-busy = el servidor está recibiendo demasiados envíos a la vez: vuelve a intentarlo en un momento
refusal-once-token = el token de un solo uso del formulario se ha modificado o viene de otro sitio: recarga la página y vuelve a enviarlo
refusal-once-key = la cabecera Idempotency-Key debe enviarse una sola vez, con entre 1 y 255 caracteres ASCII visibles
refusal-once-running = Este formulario ya se está enviando. Espera un momento y vuelve a cargar la página.
refusal-once-unavailable = No se ha podido enviar el formulario en este momento. Vuelve a intentarlo.

refusal-bound-missing = faltan los argumentos vinculados de esta acción
refusal-bound-malformed = los argumentos vinculados están mal formados
refusal-bound-too-long = los argumentos vinculados son demasiado largos: un valor sellado tiene como máximo { $max ->
    [one] { $max } carácter
    [many] { $max } de caracteres
   *[other] { $max } caracteres
}
refusal-bound-rejected = los argumentos vinculados se han modificado, pertenecen a otra acción o se sellaron con una clave que ya no se acepta
refusal-bound-expired = los argumentos vinculados han caducado: vuelve a cargar la página e inténtalo de nuevo
refusal-bound-undecodable = los argumentos vinculados no tienen la forma esperada

refusal-too-many-fields = demasiados campos: el límite es { $limit }
refusal-too-many-files = demasiados archivos: el límite es { $limit }
refusal-field-too-large = el valor de `{ $name }` supera el límite de { $limit ->
    [one] { $limit } byte
    [many] { $limit } de bytes
   *[other] { $limit } bytes
}
refusal-file-too-large = el archivo de `{ $name }` supera el límite de { $limit ->
    [one] { $limit } byte
    [many] { $limit } de bytes
   *[other] { $limit } bytes
}
refusal-name-too-long = un nombre de campo supera el límite de { $limit ->
    [one] { $limit } byte
    [many] { $limit } de bytes
   *[other] { $limit } bytes
} (empieza por `{ $start }`)
refusal-percent-encoding = codificación porcentual no válida en el byte { $offset }
refusal-name-not-utf8-at = el nombre de campo en el byte { $offset } no es UTF-8 válido
refusal-name-not-utf8 = un nombre de campo no es UTF-8 válido
refusal-value-not-utf8 = el valor de `{ $name }` no es UTF-8 válido
refusal-multipart-malformed = cuerpo multipart mal formado: { $reason }
refusal-multipart-disposition-not-utf8 = cuerpo multipart mal formado: el Content-Disposition de la parte `{ $name }` no es UTF-8 válido
refusal-multipart-disposition-not-utf8-unnamed = cuerpo multipart mal formado: el Content-Disposition de una parte no es UTF-8 válido
refusal-multipart-ended-before-first-part = cuerpo multipart mal formado: el cuerpo termina antes de la primera parte (¿es el delimitador el del tipo de contenido?)
refusal-multipart-no-closing-boundary = cuerpo multipart mal formado: el cuerpo termina sin el delimitador final
refusal-multipart-ended-in-part = cuerpo multipart mal formado: el cuerpo termina dentro de la parte `{ $name }`
refusal-multipart-ended-in-unnamed-part = cuerpo multipart mal formado: el cuerpo termina dentro de una parte
refusal-multipart-invalid-headers = cuerpo multipart mal formado: las cabeceras de una parte no son válidas
refusal-multipart-part-without-name = cuerpo multipart mal formado: una parte no tiene nombre en su Content-Disposition
refusal-multipart-no-boundary = tipo de contenido multipart sin delimitador (boundary)
refusal-json-invalid = JSON no válido: { $reason }
refusal-json-not-object = el cuerpo JSON debe ser un objeto
refusal-json-too-deep = el cuerpo JSON supera el límite de anidamiento de { $limit ->
    [one] { $limit } nivel
    [many] { $limit } de niveles
   *[other] { $limit } niveles
}

refusal-internal-error = Algo ha fallado por nuestra parte. Vuelve a intentarlo.
refusal-timeout = La solicitud no se completó en { $seconds ->
    [one] { $seconds } segundo
    [many] { $seconds } de segundos
   *[other] { $seconds } segundos
}. Vuelve a intentarlo.

## The enhancement script's own texts.

script-next-page-unavailable = El formulario se envió, pero no se pudo abrir la página siguiente.
script-answer-unreadable = No se pudo leer la respuesta del servidor. Compruébalo antes de volver a enviarlo.
script-failed = Algo ha fallado. Vuelve a intentarlo.
