// tus-js-client's HTTP stack with the tus checksum extension added: each PATCH carries the SHA-256 of
// its body, so a chunk damaged on the way is refused (460) and sent again instead of being stored.
// crypto.subtle exists only on secure origins (https, localhost); elsewhere chunks go without a checksum.

export class ChecksumHttpStack {
  constructor(inner) {
    this.inner = inner;
  }

  createRequest(method, url) {
    const req = this.inner.createRequest(method, url);
    if (method !== 'PATCH' || !globalThis.crypto?.subtle) return req;
    const send = req.send.bind(req);
    req.send = async (body) => {
      if (body) req.setHeader('Upload-Checksum', `sha256 ${await sha256Base64(body)}`);
      return send(body);
    };
    return req;
  }

  getName() {
    return 'ChecksumHttpStack';
  }
}

async function sha256Base64(blob) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  let text = '';
  digest.forEach((byte) => { text += String.fromCharCode(byte); });
  return btoa(text);
}

/** Hex SHA-256 of a blob: what the page shows of a whole recording. */
export async function sha256Hex(blob) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
