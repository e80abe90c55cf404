extension Migration0001 {
    /// `"ApiKey"` and `"Webhook"` (schema.md §2.26, §2.27).
    static let access = Area(
        tables: """
            CREATE TABLE "ApiKey" (
                "id" TEXT NOT NULL,
                "userId" INTEGER NOT NULL,
                "teamId" INTEGER,
                "note" TEXT,
                "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                "expiresAt" TIMESTAMP(3),
                "lastUsedAt" TIMESTAMP(3),
                "hashedKey" TEXT NOT NULL,
                "appId" TEXT,

                CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
            );

            CREATE TABLE "Webhook" (
                "id" TEXT NOT NULL,
                "userId" INTEGER,
                "teamId" INTEGER,
                "eventTypeId" INTEGER,
                "platformOAuthClientId" TEXT,
                "subscriberUrl" TEXT NOT NULL,
                "payloadTemplate" TEXT,
                "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                "active" BOOLEAN NOT NULL DEFAULT true,
                "eventTriggers" "WebhookTriggerEvents"[],
                "appId" TEXT,
                "secret" TEXT,
                "platform" BOOLEAN NOT NULL DEFAULT false,
                "time" INTEGER,
                "timeUnit" "TimeUnit",

                CONSTRAINT "Webhook_pkey" PRIMARY KEY ("id")
            );

            """,
        indexes: """
            CREATE UNIQUE INDEX "ApiKey_id_key" ON "ApiKey"("id");
            CREATE UNIQUE INDEX "ApiKey_hashedKey_key" ON "ApiKey"("hashedKey");
            CREATE INDEX "ApiKey_userId_idx" ON "ApiKey"("userId");

            CREATE UNIQUE INDEX "Webhook_id_key" ON "Webhook"("id");
            CREATE INDEX "Webhook_active_idx" ON "Webhook"("active");
            CREATE UNIQUE INDEX "Webhook_userId_subscriberUrl_key" ON "Webhook"("userId", "subscriberUrl");
            CREATE UNIQUE INDEX "Webhook_platformOAuthClientId_subscriberUrl_key" ON "Webhook"("platformOAuthClientId", "subscriberUrl");

            """,
        foreignKeys: """
            ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

            ALTER TABLE "Webhook" ADD CONSTRAINT "Webhook_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "Webhook" ADD CONSTRAINT "Webhook_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "Webhook" ADD CONSTRAINT "Webhook_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "Webhook" ADD CONSTRAINT "Webhook_platformOAuthClientId_fkey" FOREIGN KEY ("platformOAuthClientId") REFERENCES "PlatformOAuthClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "Webhook" ADD CONSTRAINT "Webhook_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

            """
    )
}
