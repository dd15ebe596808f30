// A small, safe Markdown renderer for answers. Every character of the source is HTML-escaped
// first; only then are the few constructs below turned into tags this code writes itself.
// Links and autolinks accept http(s) URLs only. The result is safe to assign to innerHTML.

export function escapeHtml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const MARK = '\u0000';
const URL_CHARS = "[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]";
const AUTOLINK = new RegExp(`\\bhttps?://${URL_CHARS}+`, 'g');

function safeHref(escapedUrl) {
  // The URL is already escaped; decode only &amp; to judge the scheme, never to emit.
  const raw = escapedUrl.replace(/&amp;/g, '&');
  return /^https?:\/\/[^\s]+$/i.test(raw) ? escapedUrl : null;
}

function link(href, label) {
  return `<a href="${href}" target="_blank" rel="noopener noreferrer nofollow">${label}</a>`;
}

function trimUrl(url) {
  // Entities for quotes and angle brackets end a URL; so does trailing punctuation.
  const cut = url.search(/&(lt|gt|quot|#39);/);
  let u = cut >= 0 ? url.slice(0, cut) : url;
  for (;;) {
    const last = u.slice(-1);
    if ('.,;:!?\'*'.includes(last) && u.length > 0) { u = u.slice(0, -1); continue; }
    if (last === ')' && (u.match(/\(/g) || []).length < (u.match(/\)/g) || []).length) { u = u.slice(0, -1); continue; }
    if (u.endsWith('&amp')) { u = u.slice(0, -4); continue; }
    break;
  }
  return u;
}

/** Inline Markdown on text that is already escaped. */
function inline(escaped) {
  const held = [];
  const hold = (html) => `${MARK}${held.push(html) - 1}${MARK}`;
  let s = escaped;
  s = s.replace(/`([^`\n]+)`/g, (_, code) => hold(`<code>${code}</code>`));
  s = s.replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, (whole, label, url) => {
    const href = safeHref(url);
    return href ? hold(link(href, emphasis(label))) : whole;
  });
  s = s.replace(AUTOLINK, (match) => {
    const url = trimUrl(match);
    const rest = match.slice(url.length);
    const href = safeHref(url);
    return (href ? hold(link(href, url)) : url) + rest;
  });
  s = emphasis(s);
  return s.replace(new RegExp(`${MARK}(\\d+)${MARK}`, 'g'), (_, i) => held[Number(i)]);
}

function emphasis(s) {
  return s
    .replace(/\*\*(?=\S)([^*\n]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w])__(?=\S)([^_\n]*?\S)__(?!\w)/g, '$1<strong>$2</strong>')
    .replace(/(^|[^*\w])\*(?=\S)([^*\n]*?\S)\*(?!\*)/g, '$1<em>$2</em>')
    .replace(/(^|[^_\w])_(?=\S)([^_\n]*?\S)_(?![_\w])/g, '$1<em>$2</em>');
}

const LIST_ITEM = /^(\s*)([-*+•]|\d{1,9}[.)])\s+(.*)$/;

/** Renders Markdown source to an HTML string built only from escaped text and known tags. */
export function renderMarkdown(source) {
  const lines = escapeHtml(String(source ?? '').replace(/\u0000/g, '').replace(/\r\n?/g, '\n')).split('\n');
  const out = [];
  let paragraph = [];
  const lists = []; // stack of { tag, indent }
  let quote = [];
  let blankInList = false;

  const flushParagraph = () => {
    if (paragraph.length) out.push(`<p>${paragraph.map(inline).join('<br>')}</p>`);
    paragraph = [];
  };
  const flushQuote = () => {
    if (quote.length) out.push(`<blockquote><p>${quote.map(inline).join('<br>')}</p></blockquote>`);
    quote = [];
  };
  const closeLists = () => {
    while (lists.length) out.push(`</li></${lists.pop().tag}>`);
    blankInList = false;
  };
  const flushAll = () => { flushParagraph(); flushQuote(); closeLists(); };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = line.match(/^\s*```\s*([\w-]*)\s*$/);
    if (fence) {
      flushAll();
      const code = [];
      i++;
      while (i < lines.length && !/^\s*```\s*$/.test(lines[i])) code.push(lines[i++]);
      out.push(`<pre><code>${code.join('\n')}</code></pre>`);
      continue;
    }
    if (!line.trim()) {
      flushParagraph();
      flushQuote();
      if (lists.length) blankInList = true;
      continue;
    }
    const item = line.match(LIST_ITEM);
    if (item) {
      flushParagraph();
      flushQuote();
      const indent = item[1].replace(/\t/g, '    ').length;
      const ordered = /\d/.test(item[2]);
      const tag = ordered ? 'ol' : 'ul';
      const start = ordered ? parseInt(item[2], 10) : 1;
      const open = () => `<${tag}${ordered && start !== 1 ? ` start="${start}"` : ''}><li>`;
      if (!lists.length) {
        out.push(open());
        lists.push({ tag, indent });
      } else if (indent > lists[lists.length - 1].indent) {
        out.push(open());
        lists.push({ tag, indent });
      } else {
        while (lists.length > 1 && indent < lists[lists.length - 1].indent) out.push(`</li></${lists.pop().tag}>`);
        if (lists[lists.length - 1].tag !== tag && indent <= lists[lists.length - 1].indent) {
          out.push(`</li></${lists.pop().tag}>`);
          out.push(open());
          lists.push({ tag, indent });
        } else {
          out.push('</li><li>');
        }
      }
      out.push(inline(item[3]));
      blankInList = false;
      continue;
    }
    if (lists.length && !blankInList && /^\s+\S/.test(line)) {
      out.push(`<br>${inline(line.trim())}`); // a continuation line of the current item
      continue;
    }
    closeLists();
    const heading = line.match(/^\s*(#{1,6})\s+(.*?)\s*#*\s*$/);
    if (heading) {
      flushParagraph();
      flushQuote();
      const level = Math.min(heading[1].length + 2, 6); // h3..h6 inside a message
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`);
      continue;
    }
    if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flushParagraph();
      flushQuote();
      out.push('<hr>');
      continue;
    }
    const q = line.match(/^\s*&gt;\s?(.*)$/);
    if (q) {
      flushParagraph();
      quote.push(q[1]);
      continue;
    }
    flushQuote();
    paragraph.push(line.trim());
  }
  flushAll();
  return out.join('');
}
