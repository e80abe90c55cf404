extension Migration0001 {
    /// `"SelectedCalendar"`, `"DestinationCalendar"`, `"Credential"`, `"App"`, `"DomainWideDelegation"` and
    /// `"WorkspacePlatform"` (schema.md §2.14 – §2.17, §2.20).
    static let calendars = Area(
        tables: """
            CREATE TABLE "SelectedCalendar" (
                "id" TEXT NOT NULL,
                "userId" INTEGER NOT NULL,
                "integration" TEXT NOT NULL,
                "externalId" TEXT NOT NULL,
                "credentialId" INTEGER,
                "googleChannelId" TEXT,
                "googleChannelKind" TEXT,
                "googleChannelResourceId" TEXT,
                "googleChannelResourceUri" TEXT,
                "googleChannelExpiration" TEXT,
                "domainWideDelegationCredentialId" TEXT,
                "error" TEXT,
                "eventTypeId" INTEGER,

                CONSTRAINT "SelectedCalendar_pkey" PRIMARY KEY ("id")
            );

            CREATE TABLE "DestinationCalendar" (
                "id" SERIAL NOT NULL,
                "integration" TEXT NOT NULL,
                "externalId" TEXT NOT NULL,
                "primaryEmail" TEXT,
                "userId" INTEGER,
                "eventTypeId" INTEGER,
                "credentialId" INTEGER,
                "domainWideDelegationCredentialId" TEXT,

                CONSTRAINT "DestinationCalendar_pkey" PRIMARY KEY ("id")
            );

            CREATE TABLE "Credential" (
                "id" SERIAL NOT NULL,
                "type" TEXT NOT NULL,
                "key" JSONB NOT NULL,
                "userId" INTEGER,
                "teamId" INTEGER,
                "appId" TEXT,
                "subscriptionId" TEXT,
                "paymentStatus" TEXT,
                "billingCycleStart" INTEGER,
                "invalid" BOOLEAN DEFAULT false,

                CONSTRAINT "Credential_pkey" PRIMARY KEY ("id")
            );

            CREATE TABLE "App" (
                "slug" TEXT NOT NULL,
                "dirName" TEXT NOT NULL,
                "keys" JSONB,
                "categories" "AppCategories"[],
                "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                "updatedAt" TIMESTAMP(3) NOT NULL,
                "enabled" BOOLEAN NOT NULL DEFAULT false,

                CONSTRAINT "App_pkey" PRIMARY KEY ("slug")
            );

            CREATE TABLE "DomainWideDelegation" (
                "id" TEXT NOT NULL,
                "workspacePlatformId" INTEGER NOT NULL,
                "serviceAccountKey" JSONB NOT NULL,
                "enabled" BOOLEAN NOT NULL DEFAULT false,
                "organizationId" INTEGER NOT NULL,
                "domain" TEXT NOT NULL,
                "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                "updatedAt" TIMESTAMP(3) NOT NULL,

                CONSTRAINT "DomainWideDelegation_pkey" PRIMARY KEY ("id")
            );

            CREATE TABLE "WorkspacePlatform" (
                "id" SERIAL NOT NULL,
                "slug" TEXT NOT NULL,
                "name" TEXT NOT NULL,
                "description" TEXT NOT NULL,
                "defaultServiceAccountKey" JSONB NOT NULL,
                "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                "updatedAt" TIMESTAMP(3) NOT NULL,
                "enabled" BOOLEAN NOT NULL DEFAULT false,

                CONSTRAINT "WorkspacePlatform_pkey" PRIMARY KEY ("id")
            );

            """,
        indexes: """
            CREATE INDEX "SelectedCalendar_userId_idx" ON "SelectedCalendar"("userId");
            CREATE INDEX "SelectedCalendar_integration_idx" ON "SelectedCalendar"("integration");
            CREATE INDEX "SelectedCalendar_externalId_idx" ON "SelectedCalendar"("externalId");
            CREATE INDEX "SelectedCalendar_eventTypeId_idx" ON "SelectedCalendar"("eventTypeId");
            CREATE UNIQUE INDEX "SelectedCalendar_userId_integration_externalId_eventTypeId_key" ON "SelectedCalendar"("userId", "integration", "externalId", "eventTypeId");
            CREATE UNIQUE INDEX "SelectedCalendar_googleChannelId_eventTypeId_key" ON "SelectedCalendar"("googleChannelId", "eventTypeId");

            CREATE UNIQUE INDEX "DestinationCalendar_userId_key" ON "DestinationCalendar"("userId");
            CREATE UNIQUE INDEX "DestinationCalendar_eventTypeId_key" ON "DestinationCalendar"("eventTypeId");
            CREATE INDEX "DestinationCalendar_userId_idx" ON "DestinationCalendar"("userId");
            CREATE INDEX "DestinationCalendar_eventTypeId_idx" ON "DestinationCalendar"("eventTypeId");
            CREATE INDEX "DestinationCalendar_credentialId_idx" ON "DestinationCalendar"("credentialId");

            CREATE INDEX "Credential_userId_idx" ON "Credential"("userId");
            CREATE INDEX "Credential_appId_idx" ON "Credential"("appId");
            CREATE INDEX "Credential_subscriptionId_idx" ON "Credential"("subscriptionId");
            CREATE INDEX "Credential_invalid_idx" ON "Credential"("invalid");

            CREATE UNIQUE INDEX "App_slug_key" ON "App"("slug");
            CREATE UNIQUE INDEX "App_dirName_key" ON "App"("dirName");
            CREATE INDEX "App_enabled_idx" ON "App"("enabled");

            CREATE UNIQUE INDEX "DomainWideDelegation_organizationId_domain_key" ON "DomainWideDelegation"("organizationId", "domain");

            CREATE UNIQUE INDEX "WorkspacePlatform_slug_key" ON "WorkspacePlatform"("slug");

            """,
        foreignKeys: """
            ALTER TABLE "SelectedCalendar" ADD CONSTRAINT "SelectedCalendar_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "SelectedCalendar" ADD CONSTRAINT "SelectedCalendar_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "SelectedCalendar" ADD CONSTRAINT "SelectedCalendar_domainWideDelegationCredentialId_fkey" FOREIGN KEY ("domainWideDelegationCredentialId") REFERENCES "DomainWideDelegation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "SelectedCalendar" ADD CONSTRAINT "SelectedCalendar_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType"("id") ON DELETE SET NULL ON UPDATE CASCADE;

            ALTER TABLE "DestinationCalendar" ADD CONSTRAINT "DestinationCalendar_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "DestinationCalendar" ADD CONSTRAINT "DestinationCalendar_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "DestinationCalendar" ADD CONSTRAINT "DestinationCalendar_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "DestinationCalendar" ADD CONSTRAINT "DestinationCalendar_domainWideDelegationCredentialId_fkey" FOREIGN KEY ("domainWideDelegationCredentialId") REFERENCES "DomainWideDelegation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

            ALTER TABLE "Credential" ADD CONSTRAINT "Credential_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "Credential" ADD CONSTRAINT "Credential_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "Credential" ADD CONSTRAINT "Credential_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

            ALTER TABLE "DomainWideDelegation" ADD CONSTRAINT "DomainWideDelegation_workspacePlatformId_fkey" FOREIGN KEY ("workspacePlatformId") REFERENCES "WorkspacePlatform"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "DomainWideDelegation" ADD CONSTRAINT "DomainWideDelegation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

            """
    )
}
