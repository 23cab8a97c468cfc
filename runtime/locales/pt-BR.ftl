# formaction: Portuguese, Brazil (pt-BR). Plural categories: one (0 and 1, 1.5), many (a million
# and its multiples: "1.000.000 de caracteres"), other.

## Field errors: one message per error code.

error-required = Este campo é obrigatório
error-too-short = Digite pelo menos { $min ->
    [one] { $min } caractere
    [many] { $min } de caracteres
   *[other] { $min } caracteres
}
error-too-long = Digite no máximo { $max ->
    [one] { $max } caractere
    [many] { $max } de caracteres
   *[other] { $max } caracteres
}
error-wrong-length = Digite exatamente { $equal ->
    [one] { $equal } caractere
    [many] { $equal } de caracteres
   *[other] { $equal } caracteres
}
error-too-few = Escolha pelo menos { $min }
error-too-many = Escolha no máximo { $max }
error-wrong-count = Escolha exatamente { $equal }
error-too-small = O valor deve ser no mínimo { $min }
error-too-big = O valor deve ser no máximo { $max }
error-not-greater = O valor deve ser maior que { $min }
error-not-less = O valor deve ser menor que { $max }
error-invalid-email = Digite um endereço de e-mail válido
error-invalid-url = Digite uma URL válida
error-invalid-format = Digite um valor no formato esperado
error-missing-text = O valor deve conter “{ $needle }”
error-forbidden-text = O valor não pode conter “{ $needle }”
error-mismatch = O valor deve ser igual a “{ $other }”
error-control-character = O valor não pode conter caracteres de controle
error-invalid-integer = Digite um número inteiro
error-invalid-number = Digite um número
error-invalid-decimal = Digite um número
error-out-of-range = Digite um número de { $min } a { $max }
error-too-many-decimals = Use no máximo { $scale ->
    [one] { $scale } casa decimal
    [many] { $scale } de casas decimais
   *[other] { $scale } casas decimais
}
error-invalid-boolean = Escolha sim ou não
error-invalid-char = Digite um único caractere
error-invalid-choice = Escolha uma das opções
error-invalid-date = Digite uma data válida
error-invalid-time = Digite um horário válido
error-invalid-datetime = Digite uma data e um horário válidos
error-expected-file = Escolha um arquivo
error-expected-text = Digite um texto, não um arquivo
error-file-type = Este tipo de arquivo não é aceito
error-file-content = O conteúdo deste arquivo não corresponde ao seu tipo
error-file-too-large = O arquivo deve ter no máximo { $size }
error-invalid-index = Esta posição da lista não é válida
error-invalid-ip = Digite um endereço IP válido
error-already-sent = Este formulário já tinha sido enviado. Confira os valores abaixo e envie de novo.
error-default = Este valor não é válido

## Labels the runtime writes into forms.

label-summary-title = Há um problema
label-select-placeholder = Selecione…
label-submit = Enviar
label-list-row = { $list } { $position }
label-remove-row = Remover { $row }
label-add-row = Adicionar uma linha a { $list }

## Headings of the refusal page, by HTTP status.

status-400 = Solicitação inválida
status-403 = Acesso proibido
status-404 = Não encontrado
status-405 = Método não permitido
status-408 = Tempo da solicitação esgotado
status-413 = Solicitação grande demais
status-415 = Tipo de mídia não suportado
status-500 = Erro interno do servidor
status-503 = Serviço indisponível
status-other = Erro

## Refusals: the refusal page's text and the JSON answer's `error`.

refusal-host-forwarded-hosts-differ = não é possível saber o host da solicitação: X-Forwarded-Host e Forwarded do proxy indicam hosts diferentes
refusal-host-forwarded-schemes-differ = não é possível saber o esquema da solicitação: X-Forwarded-Proto e Forwarded do proxy indicam esquemas diferentes
refusal-host-forwarded-not-ascii = não é possível saber o host da solicitação: o cabeçalho { $header } do proxy não é ASCII
refusal-host-forwarded-empty-entry = não é possível saber o host da solicitação: o cabeçalho { $header } do proxy termina com uma entrada vazia
refusal-host-forwarded-scheme-unknown = não é possível saber o esquema da solicitação: o do proxy não é nem http nem https
refusal-host-forwarded-malformed = não é possível saber o host da solicitação: o cabeçalho Forwarded do proxy está malformado
refusal-host-several = a solicitação tem vários cabeçalhos Host
refusal-host-missing = a solicitação não tem cabeçalho Host
refusal-host-unknown-development = host desconhecido `{ $host }`: sem FORMACTION_ORIGIN, só hosts locais são atendidos (localhost, *.localhost, 127.0.0.1, [::1]); defina FORMACTION_ORIGIN com a origem deste app
refusal-host-unknown = host desconhecido `{ $host }`: este app não responde a esse nome

refusal-cross-origin-several = solicitação entre sites recusada: vários cabeçalhos { $header }
refusal-cross-origin-no-source = solicitação entre sites recusada: a solicitação não tem nem Origin nem Referer
refusal-cross-origin-no-host = solicitação entre sites recusada: a solicitação não tem cabeçalho Host
refusal-cross-origin = solicitação entre sites recusada: { $header } não corresponde a este site

refusal-content-type-unreadable = tipo de conteúdo ilegível
refusal-content-type-unsupported = tipo de conteúdo `{ $content_type }` não suportado: envie application/x-www-form-urlencoded, multipart/form-data ou application/json
refusal-content-type-unknown = tipo de conteúdo `{ $content_type }` não suportado
refusal-content-type-missing = tipo de conteúdo não suportado: a solicitação não tem Content-Type
refusal-content-encoding-unsupported = Content-Encoding `{ $encoding }` não suportado: envie o corpo sem compressão

refusal-action-unknown = esta página não tem a ação `{ $action }`
refusal-no-actions = esta página não tem ações
refusal-action-ambiguous = esta página tem várias ações: indique uma com ?_action=<id>
refusal-intent-without-page = adicionar ou remover linhas de uma lista requer uma página: envie o formulário para a página dele

refusal-body-too-large = o corpo da solicitação excede o limite de { $limit ->
    [one] { $limit } byte
    [many] { $limit } de bytes
   *[other] { $limit } bytes
} desta ação
refusal-body-unreadable = não foi possível ler o corpo da solicitação
refusal-body-read-failed = não foi possível ler o corpo da solicitação: { $cause }
refusal-busy = o servidor está recebendo envios demais ao mesmo tempo: tente de novo em instantes
refusal-once-token = o token de uso único do formulário foi alterado ou vem de outro site: recarregue a página e envie de novo
refusal-once-key = o cabeçalho Idempotency-Key deve ser enviado uma única vez, com 1 a 255 caracteres ASCII visíveis
refusal-once-running = Este formulário já está sendo enviado. Aguarde um momento e recarregue a página.
refusal-once-unavailable = Não foi possível enviar o formulário agora. Tente de novo.

refusal-bound-missing = faltam os argumentos vinculados desta ação
refusal-bound-malformed = os argumentos vinculados estão malformados
refusal-bound-too-long = os argumentos vinculados são longos demais: um valor selado tem no máximo { $max ->
    [one] { $max } caractere
    [many] { $max } de caracteres
   *[other] { $max } caracteres
}
refusal-bound-rejected = os argumentos vinculados foram alterados, pertencem a outra ação ou foram selados com uma chave que não é mais aceita
refusal-bound-expired = os argumentos vinculados expiraram: recarregue a página e tente de novo
refusal-bound-undecodable = os argumentos vinculados não têm o formato esperado

refusal-too-many-fields = campos demais: o limite é { $limit }
refusal-too-many-files = arquivos demais: o limite é { $limit }
refusal-field-too-large = o valor de `{ $name }` excede o limite de { $limit ->
    [one] { $limit } byte
    [many] { $limit } de bytes
   *[other] { $limit } bytes
}
refusal-file-too-large = o arquivo em `{ $name }` excede o limite de { $limit ->
    [one] { $limit } byte
    [many] { $limit } de bytes
   *[other] { $limit } bytes
}
refusal-name-too-long = um nome de campo excede o limite de { $limit ->
    [one] { $limit } byte
    [many] { $limit } de bytes
   *[other] { $limit } bytes
} (começa com `{ $start }`)
refusal-percent-encoding = codificação percentual inválida no byte { $offset }
refusal-name-not-utf8-at = o nome de campo no byte { $offset } não é UTF-8 válido
refusal-name-not-utf8 = um nome de campo não é UTF-8 válido
refusal-value-not-utf8 = o valor de `{ $name }` não é UTF-8 válido
refusal-multipart-malformed = corpo multipart malformado: { $reason }
refusal-multipart-disposition-not-utf8 = corpo multipart malformado: o Content-Disposition da parte `{ $name }` não é UTF-8 válido
refusal-multipart-disposition-not-utf8-unnamed = corpo multipart malformado: o Content-Disposition de uma parte não é UTF-8 válido
refusal-multipart-ended-before-first-part = corpo multipart malformado: o corpo termina antes da primeira parte (o delimitador é o do tipo de conteúdo?)
refusal-multipart-no-closing-boundary = corpo multipart malformado: o corpo termina sem o delimitador final
refusal-multipart-ended-in-part = corpo multipart malformado: o corpo termina no meio da parte `{ $name }`
refusal-multipart-ended-in-unnamed-part = corpo multipart malformado: o corpo termina no meio de uma parte
refusal-multipart-invalid-headers = corpo multipart malformado: os cabeçalhos de uma parte são inválidos
refusal-multipart-part-without-name = corpo multipart malformado: uma parte não tem nome no seu Content-Disposition
refusal-multipart-no-boundary = tipo de conteúdo multipart sem delimitador (boundary)
refusal-json-invalid = JSON inválido: { $reason }
refusal-json-not-object = o corpo JSON deve ser um objeto
refusal-json-too-deep = o corpo JSON excede o limite de aninhamento de { $limit ->
    [one] { $limit } nível
    [many] { $limit } de níveis
   *[other] { $limit } níveis
}

refusal-internal-error = Algo deu errado do nosso lado. Tente de novo.
refusal-timeout = A solicitação não foi concluída em { $seconds ->
    [one] { $seconds } segundo
    [many] { $seconds } de segundos
   *[other] { $seconds } segundos
}. Tente de novo.

## The enhancement script's own texts.

script-next-page-unavailable = O formulário foi enviado, mas não foi possível abrir a próxima página.
script-answer-unreadable = Não foi possível ler a resposta do servidor. Verifique antes de enviar de novo.
script-failed = Algo deu errado. Tente de novo.
