# formaction: Turkish (tr). Nouns stay singular after a number ("8 karakter"), so no message
# selects a plural form. No suffix is ever attached to a placeable (its vowel harmony would
# depend on how the number or name is read): suffixes go on a noun after it ("baytlık").

## Field errors: one message per error code.

error-required = Bu alan zorunludur
error-too-short = En az { $min } karakter girin
error-too-long = En fazla { $max } karakter girin
error-wrong-length = Tam olarak { $equal } karakter girin
error-too-few = En az { $min } tane seçin
error-too-many = En fazla { $max } tane seçin
error-wrong-count = Tam olarak { $equal } tane seçin
error-too-small = Değer en az { $min } olmalıdır
error-too-big = Değer en fazla { $max } olmalıdır
error-not-greater = Değer { $min } sayısından büyük olmalıdır
error-not-less = Değer { $max } sayısından küçük olmalıdır
error-invalid-email = Geçerli bir e-posta adresi girin
error-invalid-url = Geçerli bir URL girin
error-invalid-format = Beklenen biçimde bir değer girin
error-missing-text = Değer “{ $needle }” içermelidir
error-forbidden-text = Değer “{ $needle }” içermemelidir
error-mismatch = Değer “{ $other }” alanıyla aynı olmalıdır
error-control-character = Değer kontrol karakterleri içermemelidir
error-invalid-integer = Bir tam sayı girin
error-invalid-number = Bir sayı girin
error-invalid-decimal = Bir sayı girin
error-out-of-range = { $min } ile { $max } arasında bir sayı girin
error-too-many-decimals = Ondalık kısımda en fazla { $scale } basamak kullanın
error-invalid-boolean = Evet veya hayır seçin
error-invalid-char = Tek bir karakter girin
error-invalid-choice = Seçeneklerden birini seçin
error-invalid-date = Geçerli bir tarih girin
error-invalid-time = Geçerli bir saat girin
error-invalid-datetime = Geçerli bir tarih ve saat girin
error-expected-file = Bir dosya seçin
error-expected-text = Dosya değil, metin girin
error-file-type = Bu dosya türü kabul edilmiyor
error-file-content = Bu dosyanın içeriği türüyle uyuşmuyor
error-file-too-large = Dosya en fazla { $size } olabilir
error-invalid-index = Bu liste konumu geçerli değil
error-invalid-ip = Geçerli bir IP adresi girin
error-already-sent = Bu form zaten gönderilmişti. Aşağıdaki değerleri kontrol edip yeniden gönderin.
error-default = Bu değer geçerli değil

## Labels the runtime writes into forms.

label-summary-title = Bir sorun var
label-select-placeholder = Seçin…
label-submit = Gönder
label-list-row = { $list } { $position }
label-remove-row = Kaldır: { $row }
label-add-row = { $list } listesine satır ekle

## Headings of the refusal page, by HTTP status.

status-400 = Geçersiz istek
status-403 = Erişim engellendi
status-404 = Bulunamadı
status-405 = İzin verilmeyen yöntem
status-408 = İstek zaman aşımına uğradı
status-413 = İstek çok büyük
status-415 = Desteklenmeyen ortam türü
status-500 = Sunucu iç hatası
status-503 = Hizmet kullanılamıyor
status-other = Hata

## Refusals: the refusal page's text and the JSON answer's `error`.

refusal-host-forwarded-hosts-differ = isteğin ana makinesi belirlenemiyor: proxy'nin X-Forwarded-Host ve Forwarded başlıkları farklı ana makineler belirtiyor
refusal-host-forwarded-schemes-differ = isteğin şeması belirlenemiyor: proxy'nin X-Forwarded-Proto ve Forwarded başlıkları farklı şemalar belirtiyor
refusal-host-forwarded-not-ascii = isteğin ana makinesi belirlenemiyor: proxy'nin { $header } başlığı ASCII değil
refusal-host-forwarded-empty-entry = isteğin ana makinesi belirlenemiyor: proxy'nin { $header } başlığı boş bir girdiyle bitiyor
refusal-host-forwarded-scheme-unknown = isteğin şeması belirlenemiyor: proxy'nin bildirdiği şema ne http ne de https
refusal-host-forwarded-malformed = isteğin ana makinesi belirlenemiyor: proxy'nin Forwarded başlığı bozuk
refusal-host-several = istekte birden fazla Host başlığı var
refusal-host-missing = istekte Host başlığı yok
refusal-host-unknown-development = bilinmeyen ana makine `{ $host }`: FORMACTION_ORIGIN olmadan yalnızca yerel ana makinelere hizmet verilir (localhost, *.localhost, 127.0.0.1, [::1]); FORMACTION_ORIGIN değişkenini bu uygulamanın kaynağına ayarlayın
refusal-host-unknown = bilinmeyen ana makine `{ $host }`: bu uygulama bu ada yanıt vermiyor

refusal-cross-origin-several = siteler arası istek reddedildi: birden fazla { $header } başlığı var
refusal-cross-origin-no-source = siteler arası istek reddedildi: istekte ne Origin ne de Referer var
refusal-cross-origin-no-host = siteler arası istek reddedildi: istekte Host başlığı yok
refusal-cross-origin = siteler arası istek reddedildi: { $header } başlığı bu siteyle eşleşmiyor

refusal-content-type-unreadable = okunamayan içerik türü
refusal-content-type-unsupported = desteklenmeyen içerik türü `{ $content_type }`: application/x-www-form-urlencoded, multipart/form-data veya application/json gönderin
refusal-content-type-unknown = desteklenmeyen içerik türü `{ $content_type }`
refusal-content-type-missing = desteklenmeyen içerik türü: istekte Content-Type yok
refusal-content-encoding-unsupported = desteklenmeyen Content-Encoding `{ $encoding }`: gövdeyi sıkıştırmadan gönderin

refusal-action-unknown = bu sayfada `{ $action }` eylemi yok
refusal-no-actions = bu sayfada hiç eylem yok
refusal-action-ambiguous = bu sayfada birden fazla eylem var: ?_action=<id> ile birini belirtin
refusal-intent-without-page = liste satırı eklemek veya kaldırmak için bir sayfa gerekir: formu kendi sayfasına gönderin

refusal-body-too-large = istek gövdesi bu eylemin { $limit } baytlık sınırını aşıyor
refusal-body-unreadable = istek gövdesi okunamadı
refusal-body-read-failed = istek gövdesi okunamadı: { $cause }
refusal-busy = sunucu şu anda aynı anda çok fazla gönderim alıyor: biraz sonra yeniden deneyin
refusal-once-token = formun tek kullanımlık belirteci değiştirilmiş ya da başka bir siteden geliyor: sayfayı yeniden yükleyip formu tekrar gönderin
refusal-once-key = Idempotency-Key başlığı bir kez ve 1 ile 255 arasında görünür ASCII karakterle verilmelidir
refusal-once-running = Bu form zaten gönderiliyor. Biraz bekleyin, ardından sayfayı yeniden yükleyin.
refusal-once-unavailable = Form şu anda gönderilemedi. Lütfen tekrar deneyin.

refusal-bound-missing = bu eylemin bağlı argümanları eksik
refusal-bound-malformed = bağlı argümanlar bozuk
refusal-bound-too-long = bağlı argümanlar çok uzun: mühürlü bir değer en fazla { $max } karakter olabilir
refusal-bound-rejected = bağlı argümanlar değiştirilmiş, başka bir eyleme ait ya da artık kabul edilmeyen bir anahtarla mühürlenmiş
refusal-bound-expired = bağlı argümanların süresi doldu: sayfayı yeniden yükleyip tekrar deneyin
refusal-bound-undecodable = bağlı argümanlar beklenen yapıda değil

refusal-too-many-fields = çok fazla alan: sınır { $limit }
refusal-too-many-files = çok fazla dosya: sınır { $limit }
refusal-field-too-large = `{ $name }` değeri { $limit } baytlık sınırı aşıyor
refusal-file-too-large = `{ $name }` içindeki dosya { $limit } baytlık sınırı aşıyor
refusal-name-too-long = bir alan adı { $limit } baytlık sınırı aşıyor (`{ $start }` ile başlıyor)
refusal-percent-encoding = { $offset }. baytta geçersiz yüzde kodlaması
refusal-name-not-utf8-at = { $offset }. bayttaki alan adı geçerli UTF-8 değil
refusal-name-not-utf8 = bir alan adı geçerli UTF-8 değil
refusal-value-not-utf8 = `{ $name }` değeri geçerli UTF-8 değil
refusal-multipart-malformed = bozuk multipart gövdesi: { $reason }
refusal-multipart-disposition-not-utf8 = bozuk multipart gövdesi: `{ $name }` bölümünün Content-Disposition başlığı geçerli UTF-8 değil
refusal-multipart-disposition-not-utf8-unnamed = bozuk multipart gövdesi: bir bölümün Content-Disposition başlığı geçerli UTF-8 değil
refusal-multipart-ended-before-first-part = bozuk multipart gövdesi: gövde ilk bölümden önce bitiyor (sınırlayıcı, içerik türündekiyle aynı mı?)
refusal-multipart-no-closing-boundary = bozuk multipart gövdesi: gövde kapanış sınırlayıcısı olmadan bitiyor
refusal-multipart-ended-in-part = bozuk multipart gövdesi: gövde `{ $name }` bölümünün ortasında bitiyor
refusal-multipart-ended-in-unnamed-part = bozuk multipart gövdesi: gövde bir bölümün ortasında bitiyor
refusal-multipart-invalid-headers = bozuk multipart gövdesi: bir bölümün başlıkları geçersiz
refusal-multipart-part-without-name = bozuk multipart gövdesi: bir bölümün Content-Disposition başlığında adı yok
refusal-multipart-no-boundary = sınırlayıcısı (boundary) olmayan multipart içerik türü
refusal-json-invalid = geçersiz JSON: { $reason }
refusal-json-not-object = JSON gövdesi bir nesne olmalıdır
refusal-json-too-deep = JSON gövdesi { $limit } düzeylik iç içe geçme sınırını aşıyor

refusal-internal-error = Bizim tarafımızda bir sorun oluştu. Lütfen tekrar deneyin.
refusal-timeout = İstek { $seconds } saniye içinde tamamlanamadı. Lütfen tekrar deneyin.

## The enhancement script's own texts.

script-next-page-unavailable = Form gönderildi, ancak sonraki sayfa açılamadı.
script-answer-unreadable = Sunucunun yanıtı okunamadı. Yeniden göndermeden önce kontrol edin.
script-failed = Bir sorun oluştu. Lütfen tekrar deneyin.
