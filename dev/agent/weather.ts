/** The seed's weather tool, with a fixed table so answers are deterministic. */
const WEATHER: Record<string, { condition: string; celsius: number }> = {
  beijing: { condition: 'sunny', celsius: 25 },
  shanghai: { condition: 'cloudy', celsius: 22 },
  hangzhou: { condition: 'light rain', celsius: 20 },
  shenzhen: { condition: 'humid and hot', celsius: 31 },
  london: { condition: 'drizzle', celsius: 14 },
};

export function getWeather(city: string) {
  const entry = WEATHER[city.trim().toLowerCase()];
  return entry
    ? { status: 'success', city, report: `${entry.condition}, ${entry.celsius} °C` }
    : { status: 'error', city, report: `No weather data for "${city}". Known cities: ${Object.keys(WEATHER).join(', ')}.` };
}
