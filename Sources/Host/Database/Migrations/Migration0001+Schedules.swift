extension Migration0001 {
    /// `"Schedule"` and `"Availability"` (schema.md §2.12, §2.13).
    static let schedules = Area(
        tables: """
            CREATE TABLE "Schedule" (
                "id" SERIAL NOT NULL,
                "userId" INTEGER NOT NULL,
                "name" TEXT NOT NULL,
                "timeZone" TEXT,

                CONSTRAINT "Schedule_pkey" PRIMARY KEY ("id")
            );

            CREATE TABLE "Availability" (
                "id" SERIAL NOT NULL,
                "userId" INTEGER,
                "eventTypeId" INTEGER,
                "days" INTEGER[],
                "startTime" TIME NOT NULL,
                "endTime" TIME NOT NULL,
                "date" DATE,
                "scheduleId" INTEGER,

                CONSTRAINT "Availability_pkey" PRIMARY KEY ("id")
            );

            """,
        indexes: """
            CREATE INDEX "Schedule_userId_idx" ON "Schedule"("userId");

            CREATE INDEX "Availability_userId_idx" ON "Availability"("userId");
            CREATE INDEX "Availability_eventTypeId_idx" ON "Availability"("eventTypeId");
            CREATE INDEX "Availability_scheduleId_idx" ON "Availability"("scheduleId");

            """,
        foreignKeys: """
            ALTER TABLE "Schedule" ADD CONSTRAINT "Schedule_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

            ALTER TABLE "Availability" ADD CONSTRAINT "Availability_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "Availability" ADD CONSTRAINT "Availability_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType"("id") ON DELETE SET NULL ON UPDATE CASCADE;
            ALTER TABLE "Availability" ADD CONSTRAINT "Availability_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "Schedule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

            """
    )
}
