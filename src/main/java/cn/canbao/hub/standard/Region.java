package cn.canbao.hub.standard;

/**
 * An administrative division of the province (GB/T 2260, 9 digits for townships as the statistics bureau codes them).
 * {@code level} is province, prefecture, county or township; {@code countyCode} is the county a township lies in
 * (the code itself for a county, null above county level); {@code prefectureCode} likewise for prefectures;
 * {@code edition} is the year of the division list that holds the code.
 */
public record Region(String code, String name, String level, String countyCode, String prefectureCode, String edition) {
}
