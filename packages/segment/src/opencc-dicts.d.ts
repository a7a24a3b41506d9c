// opencc-js ships its dictionaries as plain modules (`opencc-js/dict/<Name>`) without type files:
// each default-exports the dictionary as a "source target|source target" string.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
