// The same counting as the server's SmsText (the server stays the authority; the shared cases in
// server/src/test/resources/sms-text-cases.json are checked against both).
const BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?'
  + '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = '\f^{}\\[~]|€';
const ENCODINGS = { 'GSM-7': { single: 160, perPart: 153 }, 'UCS-2': { single: 70, perPart: 67 } };

export function smsText(text) {
  let gsm = true;
  for (let i = 0; i < text.length; i++) {
    if (BASIC.indexOf(text[i]) < 0 && EXTENSION.indexOf(text[i]) < 0) {
      gsm = false;
      break;
    }
  }
  const encoding = gsm ? 'GSM-7' : 'UCS-2';
  const { single, perPart } = ENCODINGS[encoding];
  let length = 0;
  let segments = 1;
  let inPart = 0;
  for (let i = 0; i < text.length;) {
    let cost;
    if (gsm) {
      cost = EXTENSION.indexOf(text[i]) >= 0 ? 2 : 1;
      i++;
    } else {
      cost = text.codePointAt(i) > 0xffff ? 2 : 1;
      i += cost;
    }
    length += cost;
    if (inPart + cost > perPart) {
      segments++;
      inPart = 0;
    }
    inPart += cost;
  }
  return { encoding, length, segments: length <= single ? 1 : segments, characters: Array.from(text).length };
}

// Java's \s is [ \t\n\x0B\f\r]; JavaScript's would also match other spaces.
const PLACEHOLDER = /\{\{[ \t\n\x0B\f\r]*([A-Za-z_][A-Za-z0-9_]*)[ \t\n\x0B\f\r]*}}/g;

export function placeholders(text) {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1]))];
}

export function render(text, values) {
  return text.replace(PLACEHOLDER, (whole, name) => (values[name] == null ? whole : values[name]));
}
