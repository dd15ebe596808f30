// Interface text in English and Korean. The language follows navigator.language until the user
// picks one with the toggle; the choice (not a secret) is remembered in localStorage.
const TEXT = {
  en: {
    appTitle: 'AInfo — youth policy assistant',
    tagline: 'Ask about youth policies in Korea: housing, jobs, start-ups and more.',
    signInTitle: 'Sign in',
    devSignIn: 'Sign in (development)',
    devUser: 'User name',
    devHint: 'This server runs with its development token issuer; no password needed.',
    ssoSignIn: 'Sign in with SSO',
    tokenHandOff: 'Use an access token',
    tokenLabel: 'Access token (JWT)',
    tokenUse: 'Use token',
    noSignIn: 'No sign-in method is configured on this server. Paste an access token below.',
    signOut: 'Sign out',
    signedInAs: 'Signed in as {user}',
    signInFailed: 'Sign-in failed: {detail}',
    sessionExpired: 'Your session has expired. Please sign in again.',
    rooms: 'Chats',
    newChat: 'New chat',
    newChatTitle: 'New chat',
    noRooms: 'No chats yet. Start one with “New chat”.',
    rename: 'Rename',
    renameLabel: 'New title for “{title}”',
    delete: 'Delete',
    deleteConfirm: 'Delete “{title}” and all its messages?',
    cancel: 'Cancel',
    save: 'Save',
    menu: 'Chats menu',
    close: 'Close',
    pickRoom: 'Pick a chat on the left or start a new one.',
    emptyRoom: 'Ask your first question, e.g. “서울 청년 월세 지원이 있나요?”',
    placeholder: 'Ask about a youth policy…',
    composerHint: 'Enter sends · Shift+Enter adds a line',
    messageLabel: 'Your question',
    send: 'Send',
    stop: 'Stop',
    you: 'You',
    assistant: 'AInfo',
    sources: 'Sources',
    loadingOlder: 'Loading earlier messages…',
    historyStart: 'Beginning of this chat',
    statusConnecting: 'Connecting…',
    statusConnected: 'Connected',
    statusReconnecting: 'Disconnected. Reconnecting in {s} s…',
    statusOffline: 'You are offline. Waiting for the network…',
    reconnectNow: 'Reconnect now',
    thinking: 'Writing an answer…',
    stopped: 'Stopped',
    failed: 'The answer was interrupted',
    interrupted: 'Connection lost while answering',
    notSent: 'Not sent',
    err_busy: 'An answer is still being written in this chat. Wait for it or press Stop.',
    err_rate_limited: 'You are asking too quickly. Please wait a moment and try again.',
    err_llm_unavailable: 'The answer service is unavailable right now. Please try again shortly.',
    err_message_too_long: 'Your question is too long (at most {max} characters).',
    err_invalid_message: 'Please type a question first.',
    err_invalid_json: 'The server could not read the message.',
    err_internal: 'Something went wrong on the server. Please try again.',
    err_network: 'The server could not be reached.',
    err_room_gone: 'This chat no longer exists.',
    charCount: '{n} / {max}',
    answerDone: 'Answer complete.',
    answerStopped: 'Answer stopped.',
    language: '한국어',
    languageLabel: 'Switch the interface to Korean',
    profile: 'My profile',
    profileEdit: 'Edit profile',
    profileTitle: 'My profile',
    profileHint: 'Answers use these when a question leaves them out; what you write in a question wins.',
    profileEmpty: 'Not set. Add your age and region to get answers that fit you.',
    profileAge: 'Age',
    profileBirthYear: 'Birth year',
    profileProvince: 'Province or city',
    profileDistrict: 'District (시·군·구)',
    profileStatus: 'Status',
    profileInterests: 'Interests',
    profileInterestsHint: 'e.g. housing, jobs (comma-separated)',
    profileAny: '—',
    profileClear: 'Clear',
    profileSaved: 'Profile saved.',
    profileCleared: 'Profile cleared.',
    profileAgeValue: 'age {age}',
    status_STUDENT: 'Student',
    status_JOB_SEEKER: 'Job seeker',
    status_EMPLOYED: 'Employed',
    status_SELF_EMPLOYED: 'Self-employed',
    status_OTHER: 'Other',
  },
  ko: {
    appTitle: 'AInfo — 청년 정책 도우미',
    tagline: '주거, 일자리, 창업 등 청년 정책을 물어보세요.',
    signInTitle: '로그인',
    devSignIn: '로그인 (개발용)',
    devUser: '사용자 이름',
    devHint: '개발용 토큰 발급기가 켜진 서버입니다. 비밀번호가 필요 없습니다.',
    ssoSignIn: 'SSO로 로그인',
    tokenHandOff: '액세스 토큰 사용',
    tokenLabel: '액세스 토큰 (JWT)',
    tokenUse: '토큰 사용',
    noSignIn: '이 서버에는 로그인 방법이 설정되어 있지 않습니다. 아래에 액세스 토큰을 붙여 넣으세요.',
    signOut: '로그아웃',
    signedInAs: '{user} 님',
    signInFailed: '로그인하지 못했습니다: {detail}',
    sessionExpired: '세션이 만료되었습니다. 다시 로그인해 주세요.',
    rooms: '채팅',
    newChat: '새 채팅',
    newChatTitle: '새 채팅',
    noRooms: '아직 채팅이 없습니다. “새 채팅”으로 시작하세요.',
    rename: '이름 바꾸기',
    renameLabel: '“{title}”의 새 이름',
    delete: '삭제',
    deleteConfirm: '“{title}” 채팅과 모든 메시지를 삭제할까요?',
    cancel: '취소',
    save: '저장',
    menu: '채팅 목록',
    close: '닫기',
    pickRoom: '왼쪽에서 채팅을 고르거나 새 채팅을 시작하세요.',
    emptyRoom: '첫 질문을 해 보세요. 예: “서울 청년 월세 지원이 있나요?”',
    placeholder: '청년 정책을 물어보세요…',
    composerHint: 'Enter 보내기 · Shift+Enter 줄바꿈',
    messageLabel: '질문',
    send: '보내기',
    stop: '중지',
    you: '나',
    assistant: 'AInfo',
    sources: '출처',
    loadingOlder: '이전 메시지를 불러오는 중…',
    historyStart: '채팅의 처음입니다',
    statusConnecting: '연결 중…',
    statusConnected: '연결됨',
    statusReconnecting: '연결이 끊겼습니다. {s}초 후 다시 연결합니다…',
    statusOffline: '오프라인입니다. 네트워크를 기다리는 중…',
    reconnectNow: '지금 다시 연결',
    thinking: '답변을 작성하는 중…',
    stopped: '중지됨',
    failed: '답변이 중단되었습니다',
    interrupted: '답변 중 연결이 끊겼습니다',
    notSent: '보내지 못함',
    err_busy: '이 채팅에서 아직 답변을 작성하고 있습니다. 기다리거나 중지를 누르세요.',
    err_rate_limited: '질문이 너무 잦습니다. 잠시 후 다시 시도해 주세요.',
    err_llm_unavailable: '지금은 답변 서비스를 사용할 수 없습니다. 잠시 후 다시 시도해 주세요.',
    err_message_too_long: '질문이 너무 깁니다 (최대 {max}자).',
    err_invalid_message: '먼저 질문을 입력하세요.',
    err_invalid_json: '서버가 메시지를 읽지 못했습니다.',
    err_internal: '서버에 문제가 생겼습니다. 다시 시도해 주세요.',
    err_network: '서버에 연결할 수 없습니다.',
    err_room_gone: '이 채팅은 더 이상 없습니다.',
    charCount: '{n} / {max}',
    answerDone: '답변이 끝났습니다.',
    answerStopped: '답변을 중지했습니다.',
    language: 'English',
    languageLabel: '인터페이스를 영어로 바꾸기',
    profile: '내 프로필',
    profileEdit: '프로필 수정',
    profileTitle: '내 프로필',
    profileHint: '질문에 빠진 정보는 이 프로필로 채워 답합니다. 질문에 쓴 내용이 우선합니다.',
    profileEmpty: '아직 없습니다. 나이와 지역을 넣으면 나에게 맞는 답을 받을 수 있어요.',
    profileAge: '나이',
    profileBirthYear: '출생 연도',
    profileProvince: '시·도',
    profileDistrict: '시·군·구',
    profileStatus: '상태',
    profileInterests: '관심 분야',
    profileInterestsHint: '예: 주거, 취업 (쉼표로 구분)',
    profileAny: '—',
    profileClear: '지우기',
    profileSaved: '프로필을 저장했습니다.',
    profileCleared: '프로필을 지웠습니다.',
    profileAgeValue: '{age}세',
    status_STUDENT: '학생',
    status_JOB_SEEKER: '취업준비생',
    status_EMPLOYED: '직장인',
    status_SELF_EMPLOYED: '자영업·프리랜서',
    status_OTHER: '기타',
  },
};

const KEY = 'ainfo.lang';
let current = pick();
const listeners = new Set();

function pick() {
  let saved = null;
  try { saved = localStorage.getItem(KEY); } catch { /* storage may be blocked */ }
  if (saved === 'en' || saved === 'ko') return saved;
  const langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  return String(langs[0] || 'en').toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function lang() { return current; }

export function t(key, params = {}) {
  const template = (TEXT[current] && TEXT[current][key]) ?? TEXT.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));
}

export function setLang(next) {
  if (next !== 'en' && next !== 'ko') return;
  current = next;
  try { localStorage.setItem(KEY, next); } catch { /* ignore */ }
  listeners.forEach((fn) => fn(next));
}

export function toggleLang() { setLang(current === 'ko' ? 'en' : 'ko'); }

export function onLangChange(fn) { listeners.add(fn); }

/** Fills every [data-i18n], [data-i18n-placeholder], [data-i18n-aria-label] and [data-i18n-title] under root. */
export function translate(root = document) {
  document.documentElement.lang = current;
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel)); });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => { el.title = t(el.dataset.i18nTitle); });
}
