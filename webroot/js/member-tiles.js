// The room's grid: one tile per member with their name, their processed video (JPEGs from the room
// socket, decoded newest-wins per tile so a slow page skips frames instead of falling behind), and
// camera-off / muted badges. The member's own tile shows their own processed video.

export class MemberTiles {
  /**
   * @param {HTMLElement} grid
   * @param {HTMLElement} selfTile  the tile of this member (already in the grid)
   */
  constructor(grid, selfTile) {
    this.grid = grid;
    this.selfTile = selfTile;
    this.tiles = new Map(); // member id -> {figure, canvas, ctx, decoding, waiting, drawn}
    this.selfId = null;
  }

  /** Shows exactly these members; returns the names of those who left since the last call. */
  update(members, selfId) {
    this.selfId = selfId;
    const present = new Set(members.map((m) => m.id));
    const left = [];
    for (const [id, tile] of this.tiles) {
      if (!present.has(id)) {
        tile.figure.remove();
        this.tiles.delete(id);
        left.push(tile.name);
      }
    }
    for (const member of members) {
      const figure = member.id === selfId ? this.selfTile : this.tile(member).figure;
      figure.querySelector('figcaption .name').textContent = member.name + (member.id === selfId ? ' (you)' : '');
      figure.querySelector('.muted-badge').hidden = !member.muted;
      figure.dataset.camera = member.camera ? 'on' : 'off';
    }
    return left;
  }

  tile(member) {
    let tile = this.tiles.get(member.id);
    if (tile) return tile;
    const figure = document.createElement('figure');
    figure.className = 'tile';
    figure.dataset.member = member.id;
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 480;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${member.name}'s video`);
    const off = document.createElement('p');
    off.className = 'overlay when-camera-off';
    off.textContent = 'Camera off';
    const caption = document.createElement('figcaption');
    caption.innerHTML = '<span class="name"></span> <span class="muted-badge" hidden>(muted)</span>';
    figure.append(canvas, off, caption);
    this.grid.append(figure);
    tile = { figure, canvas, ctx: canvas.getContext('2d'), decoding: false, waiting: null, drawn: 0, name: member.name };
    this.tiles.set(member.id, tile);
    return tile;
  }

  /** A member's latest caption under their tile (memberId null: this member's own tile); text, never HTML. */
  caption(memberId, caption) {
    const figure = memberId === null || memberId === this.selfId ? this.selfTile : this.tiles.get(memberId)?.figure;
    if (!figure) return;
    let line = figure.querySelector('.tile-caption');
    if (!line) {
      line = document.createElement('p');
      line.className = 'tile-caption';
      line.setAttribute('aria-live', 'polite');
      figure.append(line);
    }
    line.textContent = caption.text;
    line.dataset.kind = caption.type;
    line.hidden = caption.text === '';
  }

  /** A member's processed JPEG: drawn when the tile is free, else it replaces the one waiting. */
  frame(from, jpeg) {
    const tile = this.tiles.get(from);
    if (!tile) return;
    if (tile.decoding) {
      tile.waiting = jpeg;
      return;
    }
    this.draw(tile, jpeg);
  }

  async draw(tile, jpeg) {
    tile.decoding = true;
    try {
      const bitmap = await createImageBitmap(new Blob([jpeg], { type: 'image/jpeg' }));
      if (tile.canvas.width !== bitmap.width || tile.canvas.height !== bitmap.height) {
        tile.canvas.width = bitmap.width;
        tile.canvas.height = bitmap.height;
      }
      tile.ctx.drawImage(bitmap, 0, 0);
      bitmap.close();
      tile.drawn++;
    } catch {
      // a frame that does not decode is skipped; the next one replaces it
    }
    tile.decoding = false;
    const next = tile.waiting;
    tile.waiting = null;
    if (next) this.draw(tile, next);
  }

  /** Frames drawn per member, for the page's state. */
  drawn() {
    return Object.fromEntries([...this.tiles].map(([id, tile]) => [id, tile.drawn]));
  }
}
