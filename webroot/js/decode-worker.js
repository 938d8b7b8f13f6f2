// Decodes processed replies to bitmaps off the main thread; the page only places them on screen.
// WebCodecs' ImageDecoder reads the reply's bytes where they are; createImageBitmap needs them as
// a Blob first, which the browser may copy to another process and back.

import { nowMs } from './frame-geometry.js';

const hasImageDecoder = typeof ImageDecoder === 'function';

self.onmessage = async (event) => {
  const { id, buffer } = event.data;
  try {
    const bitmap = hasImageDecoder ? await viaImageDecoder(buffer) : await createImageBitmap(
      new Blob([new Uint8Array(buffer, 4)], { type: 'image/jpeg' }));
    self.postMessage({ id, bitmap, decodedAt: nowMs() }, [bitmap]);
  } catch {
    self.postMessage({ id, bitmap: null }); // an undecodable reply is skipped; the next one will do
  }
};

async function viaImageDecoder(buffer) {
  const decoder = new ImageDecoder({ data: new Uint8Array(buffer, 4), type: 'image/jpeg' });
  try {
    const { image } = await decoder.decode();
    try {
      return await createImageBitmap(image);
    } finally {
      image.close();
    }
  } finally {
    decoder.close();
  }
}
