-- CreateIndex
CREATE INDEX "User_username_id_idx" ON "User"("username", "id");

-- CreateIndex
CREATE INDEX "User_primaryEmail_id_idx" ON "User"("primaryEmail", "id");
