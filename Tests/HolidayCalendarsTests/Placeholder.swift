// HolidayCalendarsTests: tests in progress.
