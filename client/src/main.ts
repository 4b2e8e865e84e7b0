// The only CJK font the command hall has is the one we ship: no web fonts, no system fallback.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './styles/fonts/rare-glyphs.css';
import './styles/theme.css';
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { i18n } from './i18n/index.js';
import { createAppRouter } from './router.js';

const pinia = createPinia();
createApp(App).use(pinia).use(i18n).use(createAppRouter(pinia)).mount('#app');
