extension Migration0001 {
    /// `"Booking"`, `"Attendee"`, `"BookingSeat"`, `"BookingReference"` and `"Payment"` (schema.md §2.21 – §2.25).
    static let bookings = Area(
        tables: """
            CREATE TABLE "Booking" (
                "id" SERIAL NOT NULL,
                "uid" TEXT NOT NULL,
                "idempotencyKey" TEXT,
                "userId" INTEGER,
                "userPrimaryEmail" TEXT,
                "eventTypeId" INTEGER,
                "title" TEXT NOT NULL,
                "description" TEXT,
                "customInputs" JSONB,
                "responses" JSONB,
                "startTime" TIMESTAMP(3) NOT NULL,
                "endTime" TIMESTAMP(3) NOT NULL,
                "location" TEXT,
                "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                "updatedAt" TIMESTAMP(3),
                "status" "BookingStatus" NOT NULL DEFAULT 'accepted',
                "paid" BOOLEAN NOT NULL DEFAULT false,
                "destinationCalendarId" INTEGER,
                "cancellationReason" TEXT,
                "rejectionReason" TEXT,
                "reassignReason" TEXT,
                "reassignById" INTEGER,
                "dynamicEventSlugRef" TEXT,
                "dynamicGroupSlugRef" TEXT,
                "rescheduled" BOOLEAN,
                "fromReschedule" TEXT,
                "recurringEventId" TEXT,
                "smsReminderNumber" TEXT,
                "scheduledJobs" TEXT[],
                "metadata" JSONB,
                "isRecorded" BOOLEAN NOT NULL DEFAULT false,
                "iCalUID" TEXT DEFAULT '',
                "iCalSequence" INTEGER NOT NULL DEFAULT 0,
                "rating" INTEGER,
                "ratingFeedback" TEXT,
                "noShowHost" BOOLEAN DEFAULT false,
                "oneTimePassword" TEXT,
                "cancelledBy" TEXT,
                "rescheduledBy" TEXT,
                "creationSource" "CreationSource",

                CONSTRAINT "Booking_pkey" PRIMARY KEY ("id")
            );

            CREATE TABLE "Attendee" (
                "id" SERIAL NOT NULL,
                "email" TEXT NOT NULL,
                "name" TEXT NOT NULL,
                "timeZone" TEXT NOT NULL,
                "phoneNumber" TEXT,
                "locale" TEXT DEFAULT 'en',
                "bookingId" INTEGER,
                "noShow" BOOLEAN DEFAULT false,

                CONSTRAINT "Attendee_pkey" PRIMARY KEY ("id")
            );

            CREATE TABLE "BookingSeat" (
                "id" SERIAL NOT NULL,
                "referenceUid" TEXT NOT NULL,
                "bookingId" INTEGER NOT NULL,
                "attendeeId" INTEGER NOT NULL,
                "data" JSONB,
                "metadata" JSONB,

                CONSTRAINT "BookingSeat_pkey" PRIMARY KEY ("id")
            );

            CREATE TABLE "BookingReference" (
                "id" SERIAL NOT NULL,
                "type" TEXT NOT NULL,
                "uid" TEXT NOT NULL,
                "meetingId" TEXT,
                "thirdPartyRecurringEventId" TEXT,
                "meetingPassword" TEXT,
                "meetingUrl" TEXT,
                "bookingId" INTEGER,
                "externalCalendarId" TEXT,
                "deleted" BOOLEAN,
                "credentialId" INTEGER,
                "domainWideDelegationCredentialId" TEXT,

                CONSTRAINT "BookingReference_pkey" PRIMARY KEY ("id")
            );

            CREATE TABLE "Payment" (
                "id" SERIAL NOT NULL,
                "uid" TEXT NOT NULL,
                "appId" TEXT,
                "bookingId" INTEGER NOT NULL,
                "amount" INTEGER NOT NULL,
                "fee" INTEGER NOT NULL,
                "currency" TEXT NOT NULL,
                "success" BOOLEAN NOT NULL,
                "refunded" BOOLEAN NOT NULL,
                "data" JSONB NOT NULL,
                "externalId" TEXT NOT NULL,
                "paymentOption" "PaymentOption" DEFAULT 'ON_BOOKING',

                CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
            );

            """,
        indexes: """
            CREATE UNIQUE INDEX "Booking_uid_key" ON "Booking"("uid");
            CREATE UNIQUE INDEX "Booking_idempotencyKey_key" ON "Booking"("idempotencyKey");
            CREATE UNIQUE INDEX "Booking_oneTimePassword_key" ON "Booking"("oneTimePassword");
            CREATE INDEX "Booking_eventTypeId_idx" ON "Booking"("eventTypeId");
            CREATE INDEX "Booking_userId_idx" ON "Booking"("userId");
            CREATE INDEX "Booking_destinationCalendarId_idx" ON "Booking"("destinationCalendarId");
            CREATE INDEX "Booking_recurringEventId_idx" ON "Booking"("recurringEventId");
            CREATE INDEX "Booking_uid_idx" ON "Booking"("uid");
            CREATE INDEX "Booking_status_idx" ON "Booking"("status");
            CREATE INDEX "Booking_startTime_endTime_status_idx" ON "Booking"("startTime", "endTime", "status");

            CREATE INDEX "Attendee_email_idx" ON "Attendee"("email");
            CREATE INDEX "Attendee_bookingId_idx" ON "Attendee"("bookingId");

            CREATE UNIQUE INDEX "BookingSeat_referenceUid_key" ON "BookingSeat"("referenceUid");
            CREATE UNIQUE INDEX "BookingSeat_attendeeId_key" ON "BookingSeat"("attendeeId");
            CREATE INDEX "BookingSeat_bookingId_idx" ON "BookingSeat"("bookingId");
            CREATE INDEX "BookingSeat_attendeeId_idx" ON "BookingSeat"("attendeeId");

            CREATE INDEX "BookingReference_bookingId_idx" ON "BookingReference"("bookingId");
            CREATE INDEX "BookingReference_type_idx" ON "BookingReference"("type");
            CREATE INDEX "BookingReference_uid_idx" ON "BookingReference"("uid");

            CREATE UNIQUE INDEX "Payment_uid_key" ON "Payment"("uid");
            CREATE UNIQUE INDEX "Payment_externalId_key" ON "Payment"("externalId");
            CREATE INDEX "Payment_bookingId_idx" ON "Payment"("bookingId");
            CREATE INDEX "Payment_externalId_idx" ON "Payment"("externalId");

            """,
        foreignKeys: """
            ALTER TABLE "Booking" ADD CONSTRAINT "Booking_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "Booking" ADD CONSTRAINT "Booking_eventTypeId_fkey" FOREIGN KEY ("eventTypeId") REFERENCES "EventType"("id") ON DELETE SET NULL ON UPDATE CASCADE;
            ALTER TABLE "Booking" ADD CONSTRAINT "Booking_destinationCalendarId_fkey" FOREIGN KEY ("destinationCalendarId") REFERENCES "DestinationCalendar"("id") ON DELETE SET NULL ON UPDATE CASCADE;
            ALTER TABLE "Booking" ADD CONSTRAINT "Booking_reassignById_fkey" FOREIGN KEY ("reassignById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

            ALTER TABLE "Attendee" ADD CONSTRAINT "Attendee_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;

            ALTER TABLE "BookingSeat" ADD CONSTRAINT "BookingSeat_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "BookingSeat" ADD CONSTRAINT "BookingSeat_attendeeId_fkey" FOREIGN KEY ("attendeeId") REFERENCES "Attendee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

            ALTER TABLE "BookingReference" ADD CONSTRAINT "BookingReference_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "BookingReference" ADD CONSTRAINT "BookingReference_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE SET NULL ON UPDATE CASCADE;
            ALTER TABLE "BookingReference" ADD CONSTRAINT "BookingReference_domainWideDelegationCredentialId_fkey" FOREIGN KEY ("domainWideDelegationCredentialId") REFERENCES "DomainWideDelegation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

            ALTER TABLE "Payment" ADD CONSTRAINT "Payment_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("slug") ON DELETE CASCADE ON UPDATE CASCADE;
            ALTER TABLE "Payment" ADD CONSTRAINT "Payment_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;

            """
    )
}
