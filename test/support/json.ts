/**
 * Parsed JSON from Terraform, hcl2json and synthesized stacks, read by path in tests that assert
 * its shape themselves: typing every plan and stack document would restate the providers' schemas.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped tool output; the tests assert its shape
export type Json = any;
