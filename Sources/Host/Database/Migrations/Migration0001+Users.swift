extension Migration0001 {
    /// `users`, `"UserPassword"`, `"Profile"` and `"SecondaryEmail"` (schema.md §2.1, §2.2, §2.5, §2.18).
    static let users = Area(
        tables: """
            CREATE TABLE "users" (
                "id" SERIAL NOT NULL,
                "username" TEXT,
                "name" TEXT,
                "email" TEXT NOT NULL,
                "emailVerified" TIMESTAMP(3),
                "bio" TEXT,
                "avatarUrl" TEXT,
                "timeZone" TEXT NOT NULL DEFAULT 'Europe/London',
                "weekStart" TEXT NOT NULL DEFAULT 'Sunday',
                "startTime" INTEGER NOT NULL DEFAULT 0,
                "endTime" INTEGER NOT NULL DEFAULT 1440,
                "bufferTime" INTEGER NOT NULL DEFAULT 0,
                "hideBranding" BOOLEAN NOT NULL DEFAULT false,
                "theme" TEXT,
                "appTheme" TEXT,
                "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                "trialEndsAt" TIMESTAMP(3),
                "lastActiveAt" TIMESTAMP(3),
                "defaultScheduleId" INTEGER,
                "completedOnboarding" BOOLEAN NOT NULL DEFAULT false,
                "locale" TEXT,
                "timeFormat" INTEGER DEFAULT 12,
                "twoFactorSecret" TEXT,
                "twoFactorEnabled" BOOLEAN NOT NULL DEFAULT false,
                "backupCodes" TEXT,
                "identityProvider" "IdentityProvider" NOT NULL DEFAULT 'CAL',
                "identityProviderId" TEXT,
                "invitedTo" INTEGER,
                "brandColor" TEXT,
                "darkBrandColor" TEXT,
                "allowDynamicBooking" BOOLEAN DEFAULT true,
                "allowSEOIndexing" BOOLEAN DEFAULT true,
                "receiveMonthlyDigestEmail" BOOLEAN DEFAULT true,
                "metadata" JSONB,
                "verified" BOOLEAN DEFAULT false,
                "role" "UserPermissionRole" NOT NULL DEFAULT 'USER',
                "disableImpersonation" BOOLEAN NOT NULL DEFAULT false,
                "organizationId" INTEGER,
                "locked" BOOLEAN NOT NULL DEFAULT false,
                "movedToProfileId" INTEGER,
                "isPlatformManaged" BOOLEAN NOT NULL DEFAULT false,
                "smsLockState" "SMSLockState" NOT NULL DEFAULT 'UNLOCKED',
                "smsLockReviewedByAdmin" BOOLEAN NOT NULL DEFAULT false,
                "referralLinkId" TEXT,
                "creationSource" "CreationSource",

                CONSTRAINT "users_pkey" PRIMARY KEY ("id")
            );

            CREATE TABLE "UserPassword" (
                "hash" TEXT NOT NULL,
                "userId" INTEGER NOT NULL
            );

            CREATE TABLE "Profile" (
                "id" SERIAL NOT NULL,
                "uid" TEXT NOT NULL,
                "userId" INTEGER NOT NULL,
                "organizationId" INTEGER NOT NULL,
                "username" TEXT NOT NULL,
                "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                "updatedAt" TIMESTAMP(3) NOT NULL,

                CONSTRAINT "Profile_pkey" PRIMARY KEY ("id")
            );

            CREATE TABLE "SecondaryEmail" (
                "id" SERIAL NOT NULL,
                "userId" INTEGER NOT NULL,
                "email" TEXT NOT NULL,
                "emailVerified" TIMESTAMP(3),

                CONSTRAINT "SecondaryEmail_pkey" PRIMARY KEY ("id")
            );

            """,
        indexes: """
            CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
            CREATE UNIQUE INDEX "users_movedToProfileId_key" ON "users"("movedToProfileId");
            CREATE INDEX "users_username_idx" ON "users"("username");
            CREATE INDEX "users_emailVerified_idx" ON "users"("emailVerified");
            CREATE INDEX "users_identityProvider_idx" ON "users"("identityProvider");
            CREATE INDEX "users_identityProviderId_idx" ON "users"("identityProviderId");
            CREATE UNIQUE INDEX "users_email_username_key" ON "users"("email", "username");
            CREATE UNIQUE INDEX "users_username_organizationId_key" ON "users"("username", "organizationId");

            CREATE UNIQUE INDEX "UserPassword_userId_key" ON "UserPassword"("userId");

            CREATE INDEX "Profile_uid_idx" ON "Profile"("uid");
            CREATE INDEX "Profile_userId_idx" ON "Profile"("userId");
            CREATE INDEX "Profile_organizationId_idx" ON "Profile"("organizationId");
            CREATE UNIQUE INDEX "Profile_userId_organizationId_key" ON "Profile"("userId", "organizationId");
            CREATE UNIQUE INDEX "Profile_username_organizationId_key" ON "Profile"("username", "organizationId");

            CREATE UNIQUE INDEX "SecondaryEmail_email_key" ON "SecondaryEmail"("email");
            CREATE INDEX "SecondaryEmail_userId_idx" ON "SecondaryEmail"("userId");
            CREATE UNIQUE INDEX "SecondaryEmail_userId_email_key" ON "SecondaryEmail"("userId", "email");

            """,
        foreignKeys: """
            ALTER TABLE "users" ADD CONSTRAINT "users_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;
            ALTER TABLE "users" ADD CONSTRAINT "users_movedToProfileId_fkey" FOREIGN KEY ("movedToProfileId") REFERENCES "Profile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

            ALTER TABLE "UserPassword" ADD CONSTRAINT "UserPassword_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

            ALTER TABLE "Profile" ADD CONSTRAINT "Profile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "Profile" ADD CONSTRAINT "Profile_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

            ALTER TABLE "SecondaryEmail" ADD CONSTRAINT "SecondaryEmail_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

            """
    )
}
