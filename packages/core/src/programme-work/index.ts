/**
 * Programme work: events, training, agreements.
 *
 * The work around a programme: calendar events (conferences, regional conferences, network
 * meetings) and when they take place (`EventTime`), participants and registrations, training
 * programmes with sessions and enrolment, agreements with deliverables and due dates, the
 * results conference that concludes partnerships, and iCalendar export. `Events`,
 * `Trainings` and `Agreements` are their commands against the stores: registrations,
 * enrolments and deliverables' progress change only through them.
 *
 * @module
 * @since 0.2.0
 */
export * as CalendarEvent from "./CalendarEvent.ts"
export * as Events from "./Events.ts"
export * as EventTime from "./EventTime.ts"
export * as Participant from "./Participant.ts"
export * as TrainingProgramme from "./TrainingProgramme.ts"
export * as Trainings from "./Trainings.ts"
export * as Agreement from "./Agreement.ts"
export * as Agreements from "./Agreements.ts"
export * as ResultsConference from "./ResultsConference.ts"
export * as ICalendar from "./ICalendar.ts"
