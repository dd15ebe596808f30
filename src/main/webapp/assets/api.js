// The REST API of PROTOCOL.md, with the bearer token and problem+json errors.
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
  }
}

export function createApi(tokenSource) {
  async function request(method, path, body) {
    const token = await tokenSource();
    const headers = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(`/api${path}`, {
        method,
        headers,
        cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new ApiError(0, e.message);
    }
    if (response.status === 204) return null;
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    if (!response.ok) throw new ApiError(response.status, json && (json.detail || json.title));
    return json;
  }

  return {
    config: () => fetch('/api/ui-config', { cache: 'no-store' }).then((r) => {
      if (!r.ok) throw new ApiError(r.status);
      return r.json();
    }),
    rooms: () => request('GET', '/rooms'),
    room: (id) => request('GET', `/rooms/${encodeURIComponent(id)}`),
    createRoom: (title) => request('POST', '/rooms', { title }),
    renameRoom: (id, title) => request('PATCH', `/rooms/${encodeURIComponent(id)}`, { title }),
    deleteRoom: (id) => request('DELETE', `/rooms/${encodeURIComponent(id)}`),
    profile: () => request('GET', '/profile'),
    profileOptions: () => request('GET', '/profile/options'),
    saveProfile: (profile) => request('PUT', '/profile', profile),
    clearProfile: () => request('DELETE', '/profile'),
    messages: (id, before, limit = 50) => request('GET',
      `/rooms/${encodeURIComponent(id)}/messages?${new URLSearchParams({ ...(before ? { before } : {}), limit })}`),
  };
}
