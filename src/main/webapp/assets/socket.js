// One room's chat socket: connects with the token in the query (browsers cannot set headers on a
// WebSocket), reconnects with exponential backoff and jitter, and reports every state change.
const DELAYS = [1000, 2000, 4000, 8000, 15000, 30000];

export class ChatSocket {
  /**
   * @param roomId the room
   * @param token  async () => current access token
   * @param on     { frame(f), state(s, info), failedAttempt(attempt) -> Promise<boolean continue> }
   */
  constructor(roomId, token, on) {
    this.roomId = roomId;
    this.token = token;
    this.on = on;
    this.ws = null;
    this.attempt = 0;
    this.timer = null;
    this.ticker = null;
    this.closed = false;
    this.opened = false;
    this.onlineListener = () => this.reconnectNow();
    window.addEventListener('online', this.onlineListener);
  }

  get open() {
    return !!this.ws && this.ws.readyState === WebSocket.OPEN;
  }

  async connect() {
    if (this.closed) return;
    clearTimeout(this.timer);
    clearInterval(this.ticker);
    this.on.state('connecting');
    let token;
    try {
      token = await this.token();
    } catch {
      token = null;
    }
    if (this.closed) return;
    if (!token) {
      this.on.state('unauthorized');
      return;
    }
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}/ws/chat/${encodeURIComponent(this.roomId)}?token=${encodeURIComponent(token)}`);
    this.ws = ws;
    this.opened = false;
    ws.onopen = () => { this.opened = true; };
    ws.onmessage = (event) => {
      let frame;
      try { frame = JSON.parse(event.data); } catch { return; }
      if (frame && frame.type === 'history') {
        this.attempt = 0; // a history frame means the handshake and the room are good
        this.on.state('connected');
      }
      this.on.frame(frame);
    };
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.closed) return;
      this.on.closed(event, this.opened);
      this.schedule(event);
    };
  }

  async schedule(event) {
    const attempt = this.attempt++;
    const proceed = await this.on.failedAttempt(attempt, event, this.opened);
    if (!proceed || this.closed) return;
    if (!navigator.onLine) {
      this.on.state('offline');
      return; // the 'online' event reconnects
    }
    const base = DELAYS[Math.min(attempt, DELAYS.length - 1)];
    const delay = Math.round(base * (0.8 + Math.random() * 0.4));
    const due = Date.now() + delay;
    const tick = () => this.on.state('waiting', { seconds: Math.max(1, Math.ceil((due - Date.now()) / 1000)) });
    tick();
    this.ticker = setInterval(tick, 500);
    this.timer = setTimeout(() => { clearInterval(this.ticker); this.connect(); }, delay);
  }

  reconnectNow() {
    if (this.closed || this.ws) return;
    clearTimeout(this.timer);
    clearInterval(this.ticker);
    this.connect();
  }

  send(frame) {
    if (!this.open) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  close() {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.ticker);
    window.removeEventListener('online', this.onlineListener);
    if (this.ws) {
      const ws = this.ws;
      this.ws = null;
      try { ws.close(1000, 'bye'); } catch { /* already closing */ }
    }
  }
}
