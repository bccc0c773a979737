/** The outbox key of the invitation email to one invited registration: one invitation each. */
export const invitationKey = (registrationId: string): string => `invitation-${registrationId}`;
