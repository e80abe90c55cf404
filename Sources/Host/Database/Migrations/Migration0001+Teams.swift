extension Migration0001 {
    /// `"Team"`, `"Membership"`, `"OrganizationSettings"` and `"PlatformOAuthClient"`
    /// (schema.md §2.3, §2.4, §2.6, §2.19).
    static let teams = Area(
        tables: """
            CREATE TABLE "Team" (
                "id" SERIAL NOT NULL,
                "name" TEXT NOT NULL,
                "slug" TEXT,
                "logoUrl" TEXT,
                "calVideoLogo" TEXT,
                "appLogo" TEXT,
                "appIconLogo" TEXT,
                "bio" TEXT,
                "hideBranding" BOOLEAN NOT NULL DEFAULT false,
                "isPrivate" BOOLEAN NOT NULL DEFAULT false,
                "hideBookATeamMember" BOOLEAN NOT NULL DEFAULT false,
                "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                "metadata" JSONB,
                "theme" TEXT,
                "brandColor" TEXT,
                "darkBrandColor" TEXT,
                "bannerUrl" TEXT,
                "parentId" INTEGER,
                "timeFormat" INTEGER,
                "timeZone" TEXT NOT NULL DEFAULT 'Europe/London',
                "weekStart" TEXT NOT NULL DEFAULT 'Sunday',
                "isOrganization" BOOLEAN NOT NULL DEFAULT false,
                "pendingPayment" BOOLEAN NOT NULL DEFAULT false,
                "isPlatform" BOOLEAN NOT NULL DEFAULT false,
                "createdByOAuthClientId" TEXT,
                "smsLockState" "SMSLockState" NOT NULL DEFAULT 'UNLOCKED',
                "smsLockReviewedByAdmin" BOOLEAN NOT NULL DEFAULT false,
                "bookingLimits" JSONB,
                "includeManagedEventsInLimits" BOOLEAN NOT NULL DEFAULT false,

                CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
            );

            CREATE TABLE "Membership" (
                "id" SERIAL NOT NULL,
                "teamId" INTEGER NOT NULL,
                "userId" INTEGER NOT NULL,
                "accepted" BOOLEAN NOT NULL DEFAULT false,
                "role" "MembershipRole" NOT NULL,
                "disableImpersonation" BOOLEAN NOT NULL DEFAULT false,

                CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
            );

            CREATE TABLE "OrganizationSettings" (
                "id" SERIAL NOT NULL,
                "organizationId" INTEGER NOT NULL,
                "isOrganizationConfigured" BOOLEAN NOT NULL DEFAULT false,
                "isOrganizationVerified" BOOLEAN NOT NULL DEFAULT false,
                "orgAutoAcceptEmail" TEXT NOT NULL,
                "lockEventTypeCreationForUsers" BOOLEAN NOT NULL DEFAULT false,
                "adminGetsNoSlotsNotification" BOOLEAN NOT NULL DEFAULT false,
                "isAdminReviewed" BOOLEAN NOT NULL DEFAULT false,
                "isAdminAPIEnabled" BOOLEAN NOT NULL DEFAULT false,
                "allowSEOIndexing" BOOLEAN NOT NULL DEFAULT false,
                "orgProfileRedirectsToVerifiedDomain" BOOLEAN NOT NULL DEFAULT false,

                CONSTRAINT "OrganizationSettings_pkey" PRIMARY KEY ("id")
            );

            CREATE TABLE "PlatformOAuthClient" (
                "id" TEXT NOT NULL,
                "name" TEXT NOT NULL,
                "secret" TEXT NOT NULL,
                "permissions" INTEGER NOT NULL,
                "logo" TEXT,
                "redirectUris" TEXT[],
                "organizationId" INTEGER NOT NULL,
                "bookingRedirectUri" TEXT,
                "bookingCancelRedirectUri" TEXT,
                "bookingRescheduleRedirectUri" TEXT,
                "areEmailsEnabled" BOOLEAN NOT NULL DEFAULT false,
                "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

                CONSTRAINT "PlatformOAuthClient_pkey" PRIMARY KEY ("id")
            );

            """,
        indexes: """
            CREATE INDEX "Team_parentId_idx" ON "Team"("parentId");
            CREATE UNIQUE INDEX "Team_slug_parentId_key" ON "Team"("slug", "parentId");

            CREATE INDEX "Membership_teamId_idx" ON "Membership"("teamId");
            CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");
            CREATE INDEX "Membership_accepted_idx" ON "Membership"("accepted");
            CREATE INDEX "Membership_role_idx" ON "Membership"("role");
            CREATE UNIQUE INDEX "Membership_userId_teamId_key" ON "Membership"("userId", "teamId");

            CREATE UNIQUE INDEX "OrganizationSettings_organizationId_key" ON "OrganizationSettings"("organizationId");

            """,
        foreignKeys: """
            ALTER TABLE "Team" ADD CONSTRAINT "Team_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "Team" ADD CONSTRAINT "Team_createdByOAuthClientId_fkey" FOREIGN KEY ("createdByOAuthClientId") REFERENCES "PlatformOAuthClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

            ALTER TABLE "Membership" ADD CONSTRAINT "Membership_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

            ALTER TABLE "OrganizationSettings" ADD CONSTRAINT "OrganizationSettings_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

            ALTER TABLE "PlatformOAuthClient" ADD CONSTRAINT "PlatformOAuthClient_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

            """
    )
}
