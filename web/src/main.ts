/** The dashboard's entry: language, routes (`#/`, `#/events/ID`, `#/articles/ID`, `#/extract`). */
import './styles.css';
import { api, type Config } from './api';
import { clear, h } from './dom';
import { filtersFrom, parseHash } from './filters';
import { I18n } from './i18n';
import { articlePage } from './views/article';
import { Dashboard } from './views/dashboard';
import { eventPage } from './views/event';
import { extractPage } from './views/extract';

const app = document.getElementById('app')!;
const i18n = I18n.initial();
let config: Config = { tiles: null, store: '', writes: false };
let dashboard: Dashboard | null = null;
let rendering = 0;

function setActiveNav(name: string): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-nav]'))
    a.toggleAttribute('aria-current', a.dataset.nav === name);
}

async function render(): Promise<void> {
  const gen = ++rendering;
  const route = parseHash(location.hash);
  const [first, id] = route.path;
  if (!first) {
    setActiveNav('events');
    if (!dashboard) {
      clear(app);
      dashboard = new Dashboard(i18n, config);
      app.append(dashboard.root);
      dashboard.mount();
    }
    await dashboard.update(filtersFrom(route.params));
    return;
  }
  dashboard?.destroy();
  dashboard = null;
  let page: HTMLElement;
  if (first === 'events' && id) {
    setActiveNav('events');
    clear(app);
    app.append(h('p', { class: 'muted' }, i18n.t('loading')));
    page = await eventPage(id, i18n);
  } else if (first === 'articles' && id) {
    setActiveNav('events');
    page = await articlePage(id, i18n);
  } else if (first === 'extract') {
    setActiveNav('extract');
    page = extractPage(i18n);
  } else {
    location.hash = '#/';
    return;
  }
  if (gen !== rendering) return;
  clear(app);
  app.append(page);
  window.scrollTo(0, 0);
}

function rerender(): void {
  dashboard?.destroy();
  dashboard = null;
  void render();
}

async function start(): Promise<void> {
  i18n.apply();
  const switcher = document.getElementById('lang-switch') as HTMLButtonElement;
  const label = () => {
    switcher.textContent = i18n.t('lang.other');
    switcher.lang = i18n.lang === 'ar' ? 'en' : 'ar';
  };
  label();
  switcher.addEventListener('click', () => i18n.set(i18n.lang === 'ar' ? 'en' : 'ar'));
  i18n.onChange(() => {
    label();
    rerender();
  });
  try {
    config = await api.config();
  } catch {
    // an older server: no tiles
  }
  window.addEventListener('hashchange', () => void render());
  await render();
  document.body.dataset.ready = 'true';
}

void start();
