// End to end against the AWS emulator, CDKTF output (the scenarios: support/scenarios.ts).
import { describeEndToEnd } from './support/scenarios';

describeEndToEnd('cdktf');
