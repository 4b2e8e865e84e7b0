import { createApp } from 'vue';
import LiveStatus from './LiveStatus.vue';

createApp(LiveStatus).mount('#app');
