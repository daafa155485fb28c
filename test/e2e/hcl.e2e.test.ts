// End to end against the AWS emulator, HCL output (the scenarios: support/scenarios.ts).
import { describeEndToEnd } from './support/scenarios';

describeEndToEnd('hcl');
