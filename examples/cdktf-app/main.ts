// Compose idcgen's stacks in your own app: build once (npm run build), then set cdktf.json "app" to "node main.js".
import { App } from 'cdktf';
import { formatIssue, IdentityCenterStacks, loadModel } from 'idcgen';

const app = new App({ stackTraces: false });
const { model, warnings } = loadModel('org.yaml');
for (const w of warnings) console.error(formatIssue(w));
new IdentityCenterStacks(app, { model }); // add Aspects, tags or configureBackend here
app.synth();
