// The recording's bytes that the server has not acknowledged yet, kept in IndexedDB so that a lost
// connection or a reloaded tab loses nothing: each MediaRecorder chunk is stored as it comes, together
// with the recording's running total, and deleted once the server's offset has passed it.

const DB_NAME = 'livelens-recordings';
const DB_VERSION = 1;

const request = (req) => new Promise((resolve, reject) => {
  req.onsuccess = () => resolve(req.result);
  req.onerror = () => reject(req.error);
});

const finished = (tx) => new Promise((resolve, reject) => {
  tx.oncomplete = () => resolve();
  tx.onerror = tx.onabort = () => reject(tx.error);
});

const chunkRange = (key, from = 0, to = Infinity) => IDBKeyRange.bound([key, from], [key, to]);

export async function openStore() {
  const open = indexedDB.open(DB_NAME, DB_VERSION);
  open.onupgradeneeded = () => {
    open.result.createObjectStore('recordings', { keyPath: 'key' });
    open.result.createObjectStore('chunks', { keyPath: ['key', 'start'] });
  };
  return new RecordingStore(await request(open));
}

class RecordingStore {
  constructor(db) {
    this.db = db;
  }

  /** A new recording: recorded and acked count bytes; uploadUrl is set once the server made the upload. */
  async create(mimeType) {
    const key = crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
    const rec = { key, createdAt: Date.now(), mimeType, recorded: 0, acked: 0, stopped: false, uploadUrl: null };
    await this.update(rec);
    return rec;
  }

  /** Stores a chunk and the new total in one transaction, so the two never disagree after a crash. */
  async append(rec, blob) {
    const tx = this.db.transaction(['recordings', 'chunks'], 'readwrite');
    tx.objectStore('chunks').put({ key: rec.key, start: rec.recorded, blob });
    rec.recorded += blob.size;
    tx.objectStore('recordings').put(rec);
    await finished(tx);
  }

  async update(rec) {
    const tx = this.db.transaction('recordings', 'readwrite');
    tx.objectStore('recordings').put(rec);
    await finished(tx);
  }

  /** The server has the first `offset` bytes: chunks wholly below it are no longer needed here. */
  async ack(rec, offset) {
    rec.acked = Math.max(rec.acked, offset);
    const tx = this.db.transaction(['recordings', 'chunks'], 'readwrite');
    const chunks = tx.objectStore('chunks');
    const all = await request(chunks.getAll(chunkRange(rec.key, 0, offset)));
    all.filter((c) => c.start + c.blob.size <= offset).forEach((c) => chunks.delete([c.key, c.start]));
    tx.objectStore('recordings').put(rec);
    await finished(tx);
  }

  /** The chunks still kept, in order: [{start, blob}]. */
  async chunks(rec) {
    const tx = this.db.transaction('chunks');
    const all = await request(tx.objectStore('chunks').getAll(chunkRange(rec.key)));
    return all.sort((a, b) => a.start - b.start).map(({ start, blob }) => ({ start, blob }));
  }

  /** Recordings whose upload did not complete, newest first. */
  async unfinished() {
    const tx = this.db.transaction('recordings');
    const all = await request(tx.objectStore('recordings').getAll());
    return all.sort((a, b) => b.createdAt - a.createdAt);
  }

  async remove(rec) {
    const tx = this.db.transaction(['recordings', 'chunks'], 'readwrite');
    tx.objectStore('chunks').delete(chunkRange(rec.key));
    tx.objectStore('recordings').delete(rec.key);
    await finished(tx);
  }
}
