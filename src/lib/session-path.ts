// The path of the session routes (routes.session, routes.login), for the modules the log-in
// page loads: importing the route table there would put every contract of the API into the
// first download of the app. session-path.test.ts holds it to the route table.
export const sessionPath = '/api/session';
