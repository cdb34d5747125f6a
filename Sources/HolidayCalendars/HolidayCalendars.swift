// HolidayCalendars: implementation in progress (see README 'Architecture').
