/**
 * What a sent email showed its reader that later emails go by, recorded by the sender with the
 * row's SENT mark (OutboxMessage.shown). A key left out: the email said nothing of it.
 */
export interface EmailShown {
  /**
   * The 申込締切 an invitee was asked to answer by (ISO time); null: that there is none, answers
   * are taken until the event ends. See deadlinesTold.
   */
  registrationClosesAt?: string | null;
}

/** That an email showed this 申込締切 (null: none, answers until the event ends). */
export const deadlineShown = (closesAt: Date | null | undefined): EmailShown => ({
  registrationClosesAt: closesAt?.toISOString() ?? null,
});
