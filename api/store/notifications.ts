// The notifications slice of the storage port: how far each user has read, as an audit seq.

export interface NotificationsStore {
  /** The user's last read audit seq; 0 when they never marked anything read. */
  findNotificationReadSeq(userId: string): Promise<number>;
  /** Raises the user's last read seq to `seq`; never lowers it (false when it was not raised). */
  raiseNotificationReadSeq(userId: string, seq: number, at: string): Promise<boolean>;
}
