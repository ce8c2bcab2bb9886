/** The statement every sign dialog shows above re-authentication (21 CFR 11.50, E-SIGN Act). */
export const legalStatement =
  'By signing, I confirm that I reviewed this exact version and that this electronic signature is the legally binding equivalent of my handwritten signature (21 CFR Part 11, E-SIGN Act).';
