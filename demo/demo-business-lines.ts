// The organisation's business lines the demo starts with (docs/decisions/0168): those its
// packages, policies and templates name, and two more a bank has, so that a policy or a package
// for them can be tried without first adding the line.
export const demoBusinessLines: readonly string[] = ['Card payments', 'Clinical operations', 'Consumer lending', 'Customer service', 'Mortgages', 'Payments operations', 'Wealth management'];
