// The signed-in user's profile (GET/PUT/DELETE /api/profile): a summary under the chats and a
// dialog to edit it. Answers use it for whatever a question leaves out.
import { t, onLangChange } from './i18n.js';

const $ = (id) => document.getElementById(id);
let api = null;
let onApiError = () => {};
let options = null;   // GET /api/profile/options: provinces with districts, statuses, limits
let current = null;   // the profile as the server last returned it

export function initProfile(client, handleApiError) {
  api = client;
  onApiError = handleApiError;
  $('profile-edit').addEventListener('click', openDialog);
  $('profile-cancel').addEventListener('click', () => $('profile-dialog').close());
  $('profile-clear').addEventListener('click', clear);
  $('profile-form').addEventListener('submit', (e) => { e.preventDefault(); save(); });
  // Age and birth year say the same thing; typing one drops the other.
  $('profile-age').addEventListener('input', () => { $('profile-birth-year').value = ''; });
  $('profile-birth-year').addEventListener('input', () => { $('profile-age').value = ''; });
  $('profile-province').addEventListener('change', () => fillDistricts(''));
  $('profile-dialog').addEventListener('close', () => $('profile-edit').focus());
  onLangChange(() => {
    render();
    document.querySelectorAll('#profile-status option[value]').forEach((o) => {
      o.textContent = o.value ? t(`status_${o.value}`) : t('profileAny');
    });
  });
  render();
}

export async function loadProfile() {
  try {
    current = await api.profile();
  } catch (e) {
    current = null;
    onApiError(e);
  }
  render();
}

export function forgetProfile() {
  current = null;
  if ($('profile-dialog').open) $('profile-dialog').close();
  render();
}

/** "서울 마포구 · 26세 · 취업준비생 · 주거", or '' for an empty profile. */
export function describe(p) {
  if (!p) return '';
  const parts = [];
  const region = [p.province, p.district].filter(Boolean).join(' ');
  if (region) parts.push(region);
  if (p.age != null) parts.push(t('profileAgeValue', { age: p.age }));
  if (p.status) parts.push(t(`status_${p.status}`));
  if (p.interests && p.interests.length) parts.push(p.interests.join(', '));
  return parts.join(' · ');
}

function render() {
  const summary = $('profile-summary');
  const text = describe(current);
  summary.textContent = text || t('profileEmpty');
  summary.classList.toggle('empty-profile', !text);
}

async function openDialog() {
  showError('');
  try {
    if (!options) options = await api.profileOptions();
    current = await api.profile();
  } catch (e) {
    onApiError(e);
    return;
  }
  render();
  fillForm(current);
  $('profile-dialog').showModal();
  $('profile-age').focus();
}

function option(value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

function fillForm(p) {
  const year = new Date().getFullYear();
  Object.assign($('profile-age'), { min: options.minAge, max: options.maxAge, value: p.age ?? '' });
  Object.assign($('profile-birth-year'), { min: year - options.maxAge, max: year - options.minAge, value: p.birthYear ?? '' });
  const province = $('profile-province');
  province.replaceChildren(option('', t('profileAny')), ...options.provinces.map((x) => option(x.name, x.name)));
  province.value = p.province || '';
  fillDistricts(p.district || '');
  const status = $('profile-status');
  status.replaceChildren(option('', t('profileAny')), ...options.statuses.map((s) => option(s, t(`status_${s}`))));
  status.value = p.status || '';
  $('profile-interests').value = (p.interests || []).join(', ');
}

function fillDistricts(selected) {
  const province = options.provinces.find((x) => x.name === $('profile-province').value);
  const names = province ? province.districts : [];
  const district = $('profile-district');
  district.replaceChildren(option('', t('profileAny')), ...names.map((n) => option(n, n)));
  district.disabled = names.length === 0;
  district.value = names.includes(selected) ? selected : '';
}

function number(id) {
  const value = $(id).value.trim();
  return value === '' ? null : Number(value);
}

/** The form as PUT wants it; a kept birth year is sent rather than an age, so it does not drift. */
function formValue() {
  const birthYear = number('profile-birth-year');
  return {
    age: birthYear == null ? number('profile-age') : null,
    birthYear,
    province: $('profile-province').value || null,
    district: $('profile-district').value || null,
    status: $('profile-status').value || null,
    interests: $('profile-interests').value.split(/[,，、]/).map((s) => s.trim()).filter(Boolean),
  };
}

async function save() {
  const button = $('profile-save');
  button.disabled = true;
  try {
    current = await api.saveProfile(formValue());
    render();
    $('profile-dialog').close();
  } catch (e) {
    if (e.status === 401 || e.status === 0) {
      $('profile-dialog').close();
      onApiError(e);
    } else {
      showError(e.message);
    }
  } finally {
    button.disabled = false;
  }
}

async function clear() {
  try {
    await api.clearProfile();
    current = null;
    render();
    $('profile-dialog').close();
  } catch (e) {
    showError(e.message);
  }
}

function showError(text) {
  const error = $('profile-error');
  error.textContent = text;
  error.hidden = !text;
}
