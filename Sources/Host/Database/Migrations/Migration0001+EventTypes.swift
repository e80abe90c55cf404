extension Migration0001 {
    /// `"EventType"`, `"Host"`, `"_user_eventtype"`, `"HashedLink"` and `"EventTypeCustomInput"`
    /// (schema.md §2.7 – §2.11).
    static let eventTypes = Area(
        tables: """
            CREATE TABLE "EventType" (
                "id" SERIAL NOT NULL,
                "title" TEXT NOT NULL,
                "slug" TEXT NOT NULL,
                "description" TEXT,
                "position" INTEGER NOT NULL DEFAULT 0,
                "locations" JSONB,
                "length" INTEGER NOT NULL,
                "offsetStart" INTEGER NOT NULL DEFAULT 0,
                "hidden" BOOLEAN NOT NULL DEFAULT false,
                "userId" INTEGER,
                "profileId" INTEGER,
                "teamId" INTEGER,
                "useEventLevelSelectedCalendars" BOOLEAN NOT NULL DEFAULT false,
                "eventName" TEXT,
                "parentId" INTEGER,
                "bookingFields" JSONB,
                "timeZone" TEXT,
                "periodType" "PeriodType" NOT NULL DEFAULT 'unlimited',
                "periodStartDate" TIMESTAMP(3),
                "periodEndDate" TIMESTAMP(3),
                "periodDays" INTEGER,
                "periodCountCalendarDays" BOOLEAN,
                "lockTimeZoneToggleOnBookingPage" BOOLEAN NOT NULL DEFAULT false,
                "requiresConfirmation" BOOLEAN NOT NULL DEFAULT false,
                "requiresConfirmationWillBlockSlot" BOOLEAN NOT NULL DEFAULT false,
                "requiresConfirmationForFreeEmail" BOOLEAN NOT NULL DEFAULT false,
                "requiresBookerEmailVerification" BOOLEAN NOT NULL DEFAULT false,
                "canSendCalVideoTranscriptionEmails" BOOLEAN NOT NULL DEFAULT true,
                "autoTranslateDescriptionEnabled" BOOLEAN NOT NULL DEFAULT false,
                "recurringEvent" JSONB,
                "disableGuests" BOOLEAN NOT NULL DEFAULT false,
                "hideCalendarNotes" BOOLEAN NOT NULL DEFAULT false,
                "hideCalendarEventDetails" BOOLEAN NOT NULL DEFAULT false,
                "minimumBookingNotice" INTEGER NOT NULL DEFAULT 120,
                "beforeEventBuffer" INTEGER NOT NULL DEFAULT 0,
                "afterEventBuffer" INTEGER NOT NULL DEFAULT 0,
                "seatsPerTimeSlot" INTEGER,
                "onlyShowFirstAvailableSlot" BOOLEAN NOT NULL DEFAULT false,
                "seatsShowAttendees" BOOLEAN DEFAULT false,
                "seatsShowAvailabilityCount" BOOLEAN DEFAULT true,
                "schedulingType" "SchedulingType",
                "scheduleId" INTEGER,
                "price" INTEGER NOT NULL DEFAULT 0,
                "currency" TEXT NOT NULL DEFAULT 'usd',
                "slotInterval" INTEGER,
                "metadata" JSONB,
                "successRedirectUrl" TEXT,
                "forwardParamsSuccessRedirect" BOOLEAN DEFAULT true,
                "bookingLimits" JSONB,
                "durationLimits" JSONB,
                "isInstantEvent" BOOLEAN NOT NULL DEFAULT false,
                "instantMeetingExpiryTimeOffsetInSeconds" INTEGER NOT NULL DEFAULT 90,
                "instantMeetingScheduleId" INTEGER,
                "instantMeetingParameters" TEXT[],
                "assignAllTeamMembers" BOOLEAN NOT NULL DEFAULT false,
                "assignRRMembersUsingSegment" BOOLEAN NOT NULL DEFAULT false,
                "rrSegmentQueryValue" JSONB,
                "useEventTypeDestinationCalendarEmail" BOOLEAN NOT NULL DEFAULT false,
                "isRRWeightsEnabled" BOOLEAN NOT NULL DEFAULT false,
                "maxLeadThreshold" INTEGER,
                "allowReschedulingPastBookings" BOOLEAN NOT NULL DEFAULT false,
                "eventTypeColor" JSONB,
                "rescheduleWithSameRoundRobinHost" BOOLEAN NOT NULL DEFAULT false,
                "secondaryEmailId" INTEGER,

                CONSTRAINT "EventType_pkey" PRIMARY KEY ("id")
            );

            CREATE TABLE "Host" (
                "userId" INTEGER NOT NULL,
                "eventTypeId" INTEGER NOT NULL,
                "isFixed" BOOLEAN NOT NULL DEFAULT false,
                "priority" INTEGER,
                "weight" INTEGER,
                "weightAdjustment" INTEGER,
                "scheduleId" INTEGER,
                "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

                CONSTRAINT "Host_pkey" PRIMARY KEY ("userId","eventTypeId")
            );

            CREATE TABLE "_user_eventtype" (
                "A" INTEGER NOT NULL,
                "B" INTEGER NOT NULL
            );

            CREATE TABLE "HashedLink" (
                "id" SERIAL NOT NULL,
                "link" TEXT NOT NULL,
                "eventTypeId" INTEGER NOT NULL,

                CONSTRAINT "HashedLink_pkey" PRIMARY KEY ("id")
            );

            CREATE TABLE "EventTypeCustomInput" (
                "id" SERIAL NOT NULL,
                "eventTypeId" INTEGER NOT NULL,
                "label" TEXT NOT NULL,
                "type" "EventTypeCustomInputType" NOT NULL,
                "options" JSONB,
                "required" BOOLEAN NOT NULL,
                "placeholder" TEXT NOT NULL DEFAULT '',

                CONSTRAINT "EventTypeCustomInput_pkey" PRIMARY KEY ("id")
            );

            """,
        indexes: """
            CREATE INDEX "EventType_userId_idx" ON "EventType"("userId");
            CREATE INDEX "EventType_teamId_idx" ON "EventType"("teamId");
            CREATE INDEX "EventType_profileId_idx" ON "EventType"("profileId");
            CREATE INDEX "EventType_scheduleId_idx" ON "EventType"("scheduleId");
            CREATE INDEX "EventType_secondaryEmailId_idx" ON "EventType"("secondaryEmailId");
            CREATE INDEX "EventType_parentId_idx" ON "EventType"("parentId");
            CREATE UNIQUE INDEX "EventType_userId_slug_key" ON "EventType"("userId", "slug");
            CREATE UNIQUE INDEX "EventType_teamId_slug_key" ON "EventType"("teamId", "slug");
            CREATE UNIQUE INDEX "EventType_userId_parentId_key" ON "EventType"("userId", "parentId");

            CREATE INDEX "Host_userId_idx" ON "Host"("userId");
            CREATE INDEX "Host_eventTypeId_idx" ON "Host"("eventTypeId");
            CREATE INDEX "Host_scheduleId_idx" ON "Host"("scheduleId");

            CREATE UNIQUE INDEX "_user_eventtype_AB_unique" ON "_user_eventtype"("A", "B");
            CREATE INDEX "_user_eventtype_B_index" ON "_user_eventtype"("B");

            CREATE UNIQUE INDEX "HashedLink_link_key" ON "HashedLink"("link");

            CREATE INDEX "EventTypeCustomInput_eventTypeId_idx" ON "EventTypeCustomInput"("eventTypeId");

            """,
        foreignKeys: """
            ALTER TABLE "EventType" ADD CONSTRAINT "EventType_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "EventType" ADD CONSTRAINT "EventType_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "Profile"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "EventType" ADD CONSTRAINT "EventType_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "EventType" ADD CONSTRAINT "EventType_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "EventType"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "EventType" ADD CONSTRAINT "EventType_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "Schedule"("id") ON DELETE SET NULL ON UPDATE CASCADE;
            ALTER TABLE "EventType" ADD CONSTRAINT "EventType_instantMeetingScheduleId_fkey" FOREIGN KEY ("instantMeetingScheduleId") REFERENCES "Schedule"("id") ON DELETE SET NULL ON UPDATE CASCADE;
            ALTER TABLE "EventType" ADD CONSTRAINT "EventType_secondaryEmailId_fkey" FOREIGN KEY ("secondaryEmailId") REFERENCES "SecondaryEmail"("id") ON DELETE CASCADE ON UPDATE CASCADE;

            ALTER TABLE "Host" ADD CONSTRAINT "Host_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "Host" ADD CONSTRAINT "Host_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "Host" ADD CONSTRAINT "Host_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "Schedule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

            ALTER TABLE "_user_eventtype" ADD CONSTRAINT "_user_eventtype_A_fkey" FOREIGN KEY ("A") REFERENCES "EventType"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "_user_eventtype" ADD CONSTRAINT "_user_eventtype_B_fkey" FOREIGN KEY ("B") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

            ALTER TABLE "HashedLink" ADD CONSTRAINT "HashedLink_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

            ALTER TABLE "EventTypeCustomInput" ADD CONSTRAINT "EventTypeCustomInput_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

            """
    )
}
