// Server settings the console follows, carried by the page as <meta name="hato:NAME"> tags
// (web.ConsoleSettings): the CSRF cookie and header names and the template length limit.
export function setting(name) {
  const tag = document.querySelector(`meta[name="hato:${name}"]`);
  if (!tag) throw new Error(`the page carries no setting ${name}`);
  return tag.content;
}
