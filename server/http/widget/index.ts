// The widget's entry point, bundled by bundle.ts into /widget.js.
import { RegqaChat } from './element.ts';

if (!customElements.get('regqa-chat')) customElements.define('regqa-chat', RegqaChat);
