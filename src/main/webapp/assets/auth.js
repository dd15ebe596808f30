// Sign-in and the access token. The session (token, and an OIDC refresh token when there is one)
// lives in sessionStorage: it survives a reload of this tab, never other tabs or a browser restart,
// and nothing is ever written to localStorage.

const SESSION = 'ainfo.session';
const PKCE = 'ainfo.pkce';

export class AuthError extends Error {
  constructor(message) { super(message); this.name = 'AuthError'; }
}

function base64UrlDecode(part) {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

function base64UrlEncode(bytes) {
  let s = '';
  new Uint8Array(bytes).forEach((b) => { s += String.fromCharCode(b); });
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(bytes = 32) {
  return base64UrlEncode(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The claims of a JWT, unverified: only for display and expiry timing; the server verifies. */
export function claims(token) {
  try {
    const parts = String(token).split('.');
    if (parts.length !== 3) return null;
    return JSON.parse(base64UrlDecode(parts[1]));
  } catch {
    return null;
  }
}

function sessionFromToken(token, extra = {}) {
  const c = claims(token);
  if (!c) throw new AuthError('not a JWT');
  const user = c.preferred_username || c.upn || c.sub || '?';
  return { token, user: String(user), exp: typeof c.exp === 'number' ? c.exp : null, ...extra };
}

export function load() {
  try {
    const s = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
    return s && typeof s.token === 'string' ? s : null;
  } catch {
    return null;
  }
}

function save(session) {
  sessionStorage.setItem(SESSION, JSON.stringify(session));
  return session;
}

export function clear() {
  sessionStorage.removeItem(SESSION);
  sessionStorage.removeItem(PKCE);
}

export function expired(session, leewaySeconds = 0) {
  return !!(session && session.exp && Date.now() / 1000 >= session.exp - leewaySeconds);
}

async function problemText(response) {
  try {
    const body = await response.clone().json();
    return body.detail || body.title || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

/** Embedded mode: one click through the server's development issuer (loopback only). */
export async function signInDev(user) {
  const response = await fetch(`/dev/token?user=${encodeURIComponent(user)}`, { cache: 'no-store' });
  if (!response.ok) throw new AuthError(await problemText(response));
  return save(sessionFromToken((await response.text()).trim(), { kind: 'dev' }));
}

/** Token hand-off: an access token obtained elsewhere (for example from the SSO's own tools). */
export function signInWithToken(token) {
  return save(sessionFromToken(String(token).trim(), { kind: 'token' }));
}

async function discovery(oidc) {
  const response = await fetch(`${oidc.issuer}/.well-known/openid-configuration`, { cache: 'no-store' });
  if (!response.ok) throw new AuthError(`discovery failed (HTTP ${response.status})`);
  return response.json();
}

function redirectUri() {
  return `${location.origin}${location.pathname}`;
}

/** OpenID Connect authorization code flow with PKCE (S256), as a public client. */
export async function beginOidc(oidc) {
  const meta = await discovery(oidc);
  const verifier = randomString(48);
  const challenge = base64UrlEncode(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = randomString(16);
  const nonce = randomString(16);
  sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state, nonce, hash: location.hash }));
  const url = new URL(meta.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: oidc.clientId,
    redirect_uri: redirectUri(),
    scope: oidc.scope || 'openid',
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

async function tokenRequest(oidc, params) {
  const meta = await discovery(oidc);
  const response = await fetch(meta.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: oidc.clientId, ...params }).toString(),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) {
    throw new AuthError(body.error_description || body.error || `HTTP ${response.status}`);
  }
  return { body, meta };
}

/** Finishes a redirect back from the issuer, if this page load is one. Returns the session or null. */
export async function completeOidc(oidc) {
  const params = new URLSearchParams(location.search);
  if (!params.has('state') || !(params.has('code') || params.has('error'))) return null;
  const pending = JSON.parse(sessionStorage.getItem(PKCE) || 'null');
  sessionStorage.removeItem(PKCE);
  history.replaceState(null, '', `${location.pathname}${pending && pending.hash ? pending.hash : ''}`);
  if (params.has('error')) throw new AuthError(params.get('error_description') || params.get('error'));
  if (!oidc || !pending || pending.state !== params.get('state')) throw new AuthError('state mismatch');
  const { body, meta } = await tokenRequest(oidc, {
    grant_type: 'authorization_code',
    code: params.get('code'),
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
  if (body.id_token) {
    const idClaims = claims(body.id_token);
    if (!idClaims || idClaims.nonce !== pending.nonce) throw new AuthError('nonce mismatch');
  }
  return save(sessionFromToken(body.access_token, {
    kind: 'oidc',
    refreshToken: body.refresh_token || null,
    idToken: body.id_token || null,
    endSession: meta.end_session_endpoint || null,
  }));
}

/** Refreshes an OIDC session with its refresh token; other sessions cannot be refreshed. */
export async function refresh(oidc, session) {
  if (!oidc || !session || session.kind !== 'oidc' || !session.refreshToken) return null;
  const { body } = await tokenRequest(oidc, { grant_type: 'refresh_token', refresh_token: session.refreshToken });
  return save(sessionFromToken(body.access_token, {
    kind: 'oidc',
    refreshToken: body.refresh_token || session.refreshToken,
    idToken: body.id_token || session.idToken,
    endSession: session.endSession,
  }));
}

/** Where to send the browser to end the SSO session too, or null. */
export function logoutUrl(oidc, session) {
  if (!oidc || !session || session.kind !== 'oidc' || !session.endSession) return null;
  const url = new URL(session.endSession);
  url.search = new URLSearchParams({
    client_id: oidc.clientId,
    post_logout_redirect_uri: redirectUri(),
    ...(session.idToken ? { id_token_hint: session.idToken } : {}),
  }).toString();
  return url.toString();
}
