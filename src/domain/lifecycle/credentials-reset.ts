// What every password change or reset must do besides storing the hash, whichever door it comes
// through (me.setPassword, admin.setUserPassword / updateUser, account recovery's resetPassword):
// trusted devices are forgotten (they were trusted under the old password) and the "this was not
// me" demand for a new password is met. One function, so no door can forget one of them.
import type { Prisma } from '../../generated/prisma/client.js';
import { forgetTrustedDevices } from './trusted-devices.service.js';

export async function passwordWasChanged(tx: Prisma.TransactionClient, userId: string): Promise<{ forgottenDevices: number }> {
  await tx.user.updateMany({ where: { id: userId, passwordChangeRequired: true }, data: { passwordChangeRequired: false } });
  return { forgottenDevices: await forgetTrustedDevices(tx, userId) };
}

/** An admin reset of the second factor (admin.removeUserMfaFactor): devices that skipped it go too. */
export async function mfaWasReset(tx: Prisma.TransactionClient, userId: string): Promise<number> {
  return forgetTrustedDevices(tx, userId);
}
